package dev.weft.runtime;

import dev.weft.runtime.http.HttpTransport;
import dev.weft.runtime.http.JdkHttpTransport;
import dev.weft.runtime.http.RedirectPolicy;
import dev.weft.runtime.messaging.MessageTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The configuration generated workflows run with: transport, server URLs, default headers, timeouts, poll
 * policy and listeners; one per application, immutable and thread-safe once built.
 *
 * <p>To run one workflow with other loop limits, use a cheap copy: {@code new XWorkflow(client.withPollPolicy(p))}.
 */
public final class ArazzoClient {

    private final Map<String, String> servers;
    private final Map<String, String> defaultHeaders;
    private final Map<String, Credential> credentials;
    private final PollPolicy pollPolicy;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxResponseBytes;
    private final int maxRequestsPerOrigin;
    private final HttpTransport transport;
    private final WorkflowListener listener;
    private final Executor executor;
    private final RunClock clock;
    private final MessageTransport messageTransport;
    private final Duration receiveTimeout;
    private final Duration receiveLookBack;
    /** The opt-in run-time checks of responses, or null (then a run spends nothing on them). */
    private final ResponseInspector responseInspector;

    private ArazzoClient(Builder builder) {
        this.responseInspector = builder.responseInspector;
        this.messageTransport = builder.messageTransport;
        this.receiveTimeout = builder.receiveTimeout;
        this.receiveLookBack = builder.receiveLookBack;
        this.servers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.servers));
        Map<String, String> headers = new LinkedHashMap<>();
        builder.defaultHeaders.values().forEach(e -> headers.put(e.getKey(), e.getValue()));
        this.defaultHeaders = Collections.unmodifiableMap(headers);
        this.credentials = Collections.unmodifiableMap(new LinkedHashMap<>(builder.credentials));
        this.pollPolicy = builder.pollPolicy;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.maxRequestsPerOrigin = builder.maxRequestsPerOrigin;
        // the JDK HttpClient inside is created on first use, once, and shared by every run
        this.transport = builder.transport != null
                ? builder.transport
                : new JdkHttpTransport(
                        connectTimeout, maxResponseBytes, builder.executor, builder.redirects, maxRequestsPerOrigin);
        this.executor = builder.executor;
        this.clock = builder.clock;
        boolean none =
                !builder.listeners.isEmpty() && builder.listeners.stream().allMatch(l -> l == WorkflowListener.NONE);
        this.listener = none
                ? WorkflowListener.NONE
                : new Listeners(builder.listeners.isEmpty() ? List.of(new LoggingListener()) : builder.listeners);
    }

    /** A copy of {@code other} with another poll policy and listener, sharing everything else (the transport too). */
    private ArazzoClient(ArazzoClient other, PollPolicy pollPolicy, WorkflowListener listener) {
        this.executor = other.executor;
        this.servers = other.servers;
        this.defaultHeaders = other.defaultHeaders;
        this.credentials = other.credentials;
        this.pollPolicy = pollPolicy;
        this.connectTimeout = other.connectTimeout;
        this.requestTimeout = other.requestTimeout;
        this.maxResponseBytes = other.maxResponseBytes;
        this.maxRequestsPerOrigin = other.maxRequestsPerOrigin;
        this.transport = other.transport;
        this.listener = listener;
        this.clock = other.clock;
        this.messageTransport = other.messageTransport;
        this.receiveTimeout = other.receiveTimeout;
        this.receiveLookBack = other.receiveLookBack;
        this.responseInspector = other.responseInspector;
    }

    /**
     * Starts configuring a client.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a client with the defaults.
     *
     * @return the client
     */
    public static ArazzoClient create() {
        return builder().build();
    }

    /**
     * Returns the poll policy that guards loops.
     *
     * @return the policy
     */
    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    /**
     * Returns a client like this one but with another poll policy, for runs that need other loop limits:
     * {@code new XWorkflow(client.withPollPolicy(policy)).run(inputs)}. The copy is cheap: it shares the
     * transport (and so the HTTP connections), the servers, headers, timeouts and listeners.
     *
     * @param policy the policy
     * @return the copy, or this client when the policy is the same
     */
    public ArazzoClient withPollPolicy(PollPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return policy.equals(pollPolicy) ? this : new ArazzoClient(this, policy, listener);
    }

    /**
     * Returns a client like this one whose runs also report to {@code extra}, after this client's listeners:
     * for one caller that follows its own runs (a tool server sending progress for one call). The copy is cheap,
     * as with {@link #withPollPolicy}; a client whose only listener is {@link WorkflowListener#NONE} reports to
     * {@code extra} alone.
     *
     * @param extra the listener
     * @return the copy
     */
    public ArazzoClient withListener(WorkflowListener extra) {
        Objects.requireNonNull(extra, "extra");
        WorkflowListener both = listener == WorkflowListener.NONE
                ? new Listeners(List.of(extra))
                : new Listeners(List.of(listener, extra));
        return new ArazzoClient(this, pollPolicy, both);
    }

    /**
     * Returns the listener runs report their events to: the configured listeners in order, each shielded so that
     * one that throws cannot break a run.
     *
     * @return the listener
     */
    public WorkflowListener listener() {
        return listener;
    }

    /**
     * Returns the executor of asynchronous runs, when one was configured.
     *
     * @return the executor, or empty for the JDK's own
     */
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /**
     * Returns the clock runs measure their time and wait on.
     *
     * @return the clock, {@link RunClock#SYSTEM} unless another was configured
     */
    public RunClock clock() {
        return clock;
    }

    /**
     * Returns the transport requests go through.
     *
     * @return the transport
     */
    public HttpTransport transport() {
        return transport;
    }

    /**
     * Returns the transport of AsyncAPI steps, when one was configured.
     *
     * @return the transport, or empty: an AsyncAPI step then fails, saying so
     */
    public Optional<MessageTransport> messageTransport() {
        return Optional.ofNullable(messageTransport);
    }

    /**
     * Returns how long a receive step without its own {@code timeout} waits for its message.
     *
     * @return the timeout
     */
    public Duration receiveTimeout() {
        return receiveTimeout;
    }

    /**
     * Returns how long before a run's start a message may have been published and still be received by the run
     * (the allowance for clocks of sender and broker that disagree a little).
     *
     * @return the allowance
     */
    public Duration receiveLookBack() {
        return receiveLookBack;
    }

    /**
     * Returns the inspector of responses (opt-in run-time checks), when one was configured.
     *
     * @return the inspector, or {@code null}: runs then inspect nothing
     */
    public ResponseInspector responseInspector() {
        return responseInspector;
    }

    /**
     * Returns the connect timeout the default transport was built with.
     *
     * @return the timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns the timeout of each request.
     *
     * @return the timeout
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns the size ceiling of response bodies the default transport was built with.
     *
     * @return the ceiling in bytes
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Returns how many requests the default transport has in flight to one origin at most.
     *
     * @return the bound
     */
    public int maxRequestsPerOrigin() {
        return maxRequestsPerOrigin;
    }

    /**
     * Returns the base URL of a source description: the configured override, else the default.
     *
     * @param sourceName the source description's name
     * @param defaultUrl the URL taken from the OpenAPI {@code servers}, or {@code null}
     * @return the base URL
     * @throws WorkflowException if neither is given
     */
    public String baseUrl(String sourceName, String defaultUrl) {
        String override = servers.get(sourceName);
        if (override != null) {
            return override;
        }
        if (defaultUrl != null) {
            return defaultUrl;
        }
        throw WorkflowException.of(
                null,
                null,
                "no server URL for source description '" + sourceName + "': configure ArazzoClient.builder().server(\""
                        + sourceName + "\", url)");
    }

    /**
     * Returns the headers sent on every request unless the step sets the same header.
     *
     * @return the headers, in the order configured
     */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    /**
     * Returns the credentials by security scheme name, which generated requests apply where their operation
     * requires the scheme and the step does not send it itself.
     *
     * @return the credentials, in the order bound
     */
    public Map<String, Credential> credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "ArazzoClient[servers=" + servers + ", defaultHeaders=" + defaultHeaders.keySet() + ", credentials="
                + credentials.keySet() + ", pollPolicy=" + pollPolicy + ", requestTimeout=" + requestTimeout
                + (responseInspector == null ? "" : ", responseInspector=" + responseInspector) + "]";
    }

    /** The builder of an {@link ArazzoClient}; not thread-safe. */
    public static final class Builder {

        private final Map<String, String> servers = new LinkedHashMap<>();
        private final Map<String, Map.Entry<String, String>> defaultHeaders = new LinkedHashMap<>();
        private final Map<String, Credential> credentials = new LinkedHashMap<>();
        private PollPolicy pollPolicy = PollPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private long maxResponseBytes = 16L * 1024 * 1024;
        private int maxRequestsPerOrigin = JdkHttpTransport.DEFAULT_MAX_REQUESTS_PER_ORIGIN;
        private RedirectPolicy redirects = RedirectPolicy.SAME_ORIGIN;
        private HttpTransport transport;
        private Executor executor;
        private RunClock clock = RunClock.SYSTEM;
        private MessageTransport messageTransport;
        private Duration receiveTimeout = Duration.ofSeconds(30);
        private Duration receiveLookBack = Duration.ofSeconds(1);
        private final List<WorkflowListener> listeners = new ArrayList<>();
        private ResponseInspector responseInspector;

        private Builder() {}

        /**
         * Inspects every HTTP response of the client's runs before the step's criteria are evaluated: the opt-in
         * run-time checks, for example {@code ResponseChecks} of module {@code arazzo-runtime-checks}, which check
         * status code, content type, body and headers against the OpenAPI description. See
         * {@link ResponseInspector} for what its findings do. Setting one again replaces it.
         *
         * @param value the inspector
         * @return this builder
         */
        public Builder responseInspector(ResponseInspector value) {
            this.responseInspector = Objects.requireNonNull(value, "responseInspector");
            return this;
        }

        /**
         * Runs the asynchronous work of {@code runAsync} (the HTTP client's, and the continuations after
         * poll and retry delays) on {@code executor}, for example a small fixed pool; by default the JDK's
         * own. The executor is not shut down by Weft.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Overrides the base URL of a source description.
         *
         * @param sourceName the source description's name
         * @param baseUrl the base URL, e.g. {@code http://127.0.0.1:8080/api}
         * @return this builder
         */
        public Builder server(String sourceName, String baseUrl) {
            servers.put(Objects.requireNonNull(sourceName, "sourceName"), Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        /**
         * Adds a header sent on every request unless the step sets the same header (names compare
         * case-insensitively); setting a name again replaces it.
         *
         * @param name the header name
         * @param value the value: printable US-ASCII, spaces and tabs
         * @return this builder
         * @throws IllegalArgumentException if the value holds another character
         */
        public Builder defaultHeader(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c > 0x7E) {
                    throw new IllegalArgumentException("default header '" + name + "' has a character outside"
                            + " printable US-ASCII at index " + i + "; HTTP header values are ASCII");
                }
            }
            defaultHeaders.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
            return this;
        }

        /**
         * Binds a credential to an OpenAPI security scheme, by its name in {@code components.securitySchemes}:
         * generated requests apply it (a header, query parameter or cookie for an {@code apiKey} scheme, the
         * {@code Authorization} header for HTTP bearer or basic, OAuth 2 and OpenID Connect) where their operation
         * requires the scheme and the step does not send it itself. Its values are registered as secrets of every
         * run and are never sent to another origin. Binding a name again replaces it.
         *
         * @param scheme the security scheme's name
         * @param credential the credential
         * @return this builder
         */
        public Builder credential(String scheme, Credential credential) {
            credentials.put(Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * Binds the value of an environment variable to a security scheme, as {@link Credential#of}: the key for
         * an API key scheme, the token for a bearer one, {@code user:password} for a basic one.
         *
         * @param scheme the security scheme's name
         * @param variable the environment variable
         * @return this builder
         * @throws IllegalStateException if the variable is not set or empty
         */
        public Builder credentialFromEnv(String scheme, String variable) {
            return credentialFromEnv(scheme, variable, System::getenv);
        }

        Builder credentialFromEnv(String scheme, String variable, java.util.function.UnaryOperator<String> env) {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(variable, "variable");
            String value = env.apply(variable);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("environment variable '" + variable + "' for the credential of"
                        + " security scheme '" + scheme + "' is not set");
            }
            return credential(scheme, Credential.of(value));
        }

        /**
         * Sets the policy that guards loops.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder pollPolicy(PollPolicy policy) {
            this.pollPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the connect timeout of the default transport (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the timeout of each request (default 60 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive("requestTimeout", timeout);
            return this;
        }

        /**
         * Sets the transport AsyncAPI steps send and receive their messages through (Arazzo 1.1), for example
         * {@code KafkaMessageTransport} of module {@code arazzo-kafka}, or an {@code InMemoryMessageTransport}.
         *
         * @param value the transport
         * @return this builder
         */
        public Builder messageTransport(MessageTransport value) {
            this.messageTransport = Objects.requireNonNull(value, "messageTransport");
            return this;
        }

        /**
         * Sets how long a receive step without its own {@code timeout} waits (default 30 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder receiveTimeout(Duration timeout) {
            this.receiveTimeout = requirePositive("receiveTimeout", timeout);
            return this;
        }

        /**
         * Sets how long before a run's start a message may have been published and still be received by it
         * (default 1 s, for clocks that disagree a little); zero considers only messages published since.
         *
         * @param value a duration, not negative
         * @return this builder
         */
        public Builder receiveLookBack(Duration value) {
            Objects.requireNonNull(value, "receiveLookBack");
            if (value.isNegative()) {
                throw new IllegalArgumentException("receiveLookBack must not be negative, was " + value);
            }
            this.receiveLookBack = value;
            return this;
        }

        /**
         * Sets the size ceiling of response bodies for the default transport (default 16 MiB).
         *
         * @param bytes a positive number of bytes
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Sets how many requests the default transport has in flight to one origin (scheme, host and port) at
         * most (default {@value JdkHttpTransport#DEFAULT_MAX_REQUESTS_PER_ORIGIN}). The JDK's client opens a
         * connection, with its buffers (about 30 KB of heap), for every request in flight; without a bound, 10,000
         * runs polling at once would hold 10,000 connections. A further request waits, in order of arrival, for
         * one in flight to end (its response read, or failed); its wait counts in its timeout, and cancelling its
         * run ends it. A request holds its place only while it is in flight, never during a poll wait or the run
         * of a called workflow, so runs never wait on one another.
         *
         * @param max a positive number of requests
         * @return this builder
         */
        public Builder maxRequestsPerOrigin(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxRequestsPerOrigin must be positive, was " + max);
            }
            this.maxRequestsPerOrigin = max;
            return this;
        }

        /**
         * Sets which redirects the default transport follows (default {@link RedirectPolicy#SAME_ORIGIN}: those to
         * the same scheme, host and port, up to 5 in a row). Whatever the policy, credential headers never go to
         * another origin; a redirect not followed is the step's response ({@code $statusCode} 3xx,
         * {@code $response.header.Location}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder redirects(RedirectPolicy policy) {
            this.redirects = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Replaces the default transport (a {@link JdkHttpTransport} built from the timeouts and the redirect
         * policy).
         *
         * @param value the transport
         * @return this builder
         */
        public Builder transport(HttpTransport value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /**
         * Sets the clock runs measure their deadline and elapsed times by and wait on between poll iterations and
         * before retries (default {@link RunClock#SYSTEM}); a test sets a virtual one so that waits cost no wall
         * time. The transport's timeouts stay on the wall clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(RunClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Adds a listener for run events; listeners are called in the order added. Without any, the client
         * uses a {@link LoggingListener}; add one explicitly to keep logging next to your own listener.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(WorkflowListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         */
        public ArazzoClient build() {
            return new ArazzoClient(this);
        }

        private static Duration requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
