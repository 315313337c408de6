package dev.weft.test;

import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.HttpResult;
import dev.weft.runtime.http.HttpTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * An {@link HttpTransport} that answers each request from replies scripted per operationId (or per step, for an
 * operation without one) and keeps every request for assertions; nothing goes to the network. Thread-safe.
 *
 * <pre>{@code
 * stub.on("submitWorkflow").reply(StubResponse.json(202, "{\"id\":\"wf-1\"}"));
 * stub.on("getWorkflow").reply(
 *         StubResponse.json(200, "{\"status\":\"processing\"}"),
 *         StubResponse.json(200, "{\"status\":\"succeeded\"}"));   // the last reply repeats
 * }</pre>
 *
 * <p>A request no script answers fails its exchange with an {@link IOException} naming the operation (so the
 * workflow sees a transport failure) and is kept as unexpected: {@link #assertNoUnexpectedRequests()}, which
 * {@link ArazzoExtension} calls after each test, then fails the test.
 */
public final class StubTransport implements HttpTransport {

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<SentRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SentRequest> unexpected = new CopyOnWriteArrayList<>();

    /** Creates a stub with no scripts. */
    public StubTransport() {}

    /**
     * Returns the script of an operation, creating it: what requests to it get.
     *
     * @param operationId the OpenAPI {@code operationId}
     * @return the script
     */
    public Script on(String operationId) {
        return scripts.computeIfAbsent(Objects.requireNonNull(operationId, "operationId"), Script::new);
    }

    /**
     * Returns the script of a step, creating it: for a step whose operation has no operationId, or to answer one
     * step of several that call the same operation differently (a step's script comes before its operation's).
     *
     * @param stepId the step
     * @return the script
     */
    public Script onStep(String stepId) {
        return scripts.computeIfAbsent(stepKey(Objects.requireNonNull(stepId, "stepId")), Script::new);
    }

    /**
     * Scripts the replies of a recording ({@link RecordingTransport#writeTo}): each operation (or step, for one
     * without an operationId) gets its recorded responses in the order they came, once each; a request past them
     * is unexpected.
     *
     * @param recording the file
     * @return this stub
     * @throws java.io.UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a recording
     */
    public StubTransport replay(Path recording) {
        for (RecordedExchange exchange : RecordingFile.read(recording)) {
            Script script = exchange.operationId() != null ? on(exchange.operationId()) : onStep(exchange.stepId());
            script.replayed(exchange.response());
        }
        return this;
    }

    @Override
    public HttpResult send(HttpCall call) throws IOException {
        SentRequest request;
        Script script;
        synchronized (this) {
            request = new SentRequest(call, requests.size());
            requests.add(request);
            script = scriptFor(call);
        }
        StubResponse reply = script == null ? null : script.next(request);
        if (reply == null) {
            unexpected.add(request);
            throw new IOException("no stub reply for " + request + "; script it with stub.on(\""
                    + (request.operationId() != null ? request.operationId() : request.stepId()) + "\")");
        }
        return reply.toResult(call.uri());
    }

    /** Keeps a request sent elsewhere (while recording), for the test's assertions. */
    synchronized void log(HttpCall call) {
        requests.add(new SentRequest(call, requests.size()));
    }

    @Override
    public CompletableFuture<HttpResult> sendAsync(HttpCall call) {
        try {
            return CompletableFuture.completedFuture(send(call));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return every request sent so far, in order */
    public List<SentRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns the requests sent to an operation, in order.
     *
     * @param operationId the operationId
     * @return the requests, empty when none was sent
     */
    public List<SentRequest> requests(String operationId) {
        return requests.stream()
                .filter(r -> operationId.equals(r.operationId()))
                .toList();
    }

    /**
     * Returns the one request sent to an operation.
     *
     * @param operationId the operationId
     * @return the request
     * @throws AssertionFailedError unless exactly one was sent
     */
    public SentRequest onlyRequest(String operationId) {
        List<SentRequest> sent = requests(operationId);
        if (sent.size() != 1) {
            throw new AssertionFailedError(
                    "expected one request to operation '" + operationId + "' but " + sent.size() + " were sent"
                            + summary(requests),
                    1,
                    sent.size());
        }
        return sent.get(0);
    }

    /**
     * Asserts how many requests an operation received.
     *
     * @param operationId the operationId
     * @param expected the count
     * @return this stub
     */
    public StubTransport assertRequestCount(String operationId, int expected) {
        int actual = requests(operationId).size();
        if (actual != expected) {
            throw new AssertionFailedError(
                    "expected " + expected + " requests to operation '" + operationId + "' but " + actual + " were sent"
                            + summary(requests),
                    expected,
                    actual);
        }
        return this;
    }

    /** @return the requests no script answered */
    public List<SentRequest> unexpectedRequests() {
        return List.copyOf(unexpected);
    }

    /**
     * Returns the requests no script answered and forgets them, for a test that means to send one.
     *
     * @return the requests, in order
     */
    public synchronized List<SentRequest> takeUnexpectedRequests() {
        List<SentRequest> taken = List.copyOf(unexpected);
        unexpected.removeAll(taken);
        return taken;
    }

    /**
     * Fails if a request found no script.
     *
     * @throws AssertionFailedError naming each such request, secrets masked
     */
    public void assertNoUnexpectedRequests() {
        if (!unexpected.isEmpty()) {
            throw new AssertionFailedError(unexpected.size() + " request(s) had no stub reply:"
                    + unexpected.stream().map(r -> "\n  " + r.describe()).collect(Collectors.joining()));
        }
    }

    private Script scriptFor(HttpCall call) {
        if (call.step() == null) {
            return null;
        }
        Script byStep = scripts.get(stepKey(call.step().stepId()));
        if (byStep != null) {
            return byStep;
        }
        return call.step().operationId() == null
                ? null
                : scripts.get(call.step().operationId());
    }

    private static String stepKey(String stepId) {
        // not a valid operationId start in practice, and never confused with one: operationIds hold no NUL
        return "\u0000step:" + stepId;
    }

    private static String summary(List<SentRequest> sent) {
        return sent.isEmpty()
                ? "; no request was sent"
                : "; sent:" + sent.stream().map(r -> "\n  " + r).collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return "StubTransport[scripts="
                + scripts.keySet().stream()
                        .map(k -> k.replace("\u0000step:", "step "))
                        .toList() + ", requests=" + requests.size() + "]";
    }

    /** The replies of one operation or step: a sequence whose last reply repeats, or a function of the request. */
    public static final class Script {

        private final String key;
        private final List<Function<SentRequest, StubResponse>> replies = new ArrayList<>();
        private int next;
        /** A replayed script gives each reply once: a replay that asks for more has gone another way. */
        private boolean repeatLast = true;

        private Script(String key) {
            this.key = key;
        }

        /**
         * Appends replies, given in turn to the requests that reach this script; the last one repeats. A poll
         * that sees {@code processing} twice, then {@code succeeded}, is three replies.
         *
         * @param responses the replies
         * @return this script
         */
        public synchronized Script reply(StubResponse... responses) {
            for (StubResponse response : responses) {
                Objects.requireNonNull(response, "response");
                replies.add(request -> response);
            }
            return this;
        }

        /**
         * Appends a reply computed from the request (e.g. echoing an id it sent); it repeats when last.
         *
         * @param responder gives the reply; {@code null} makes the request unexpected
         * @return this script
         */
        public synchronized Script replyWith(Function<SentRequest, StubResponse> responder) {
            replies.add(Objects.requireNonNull(responder, "responder"));
            return this;
        }

        private synchronized void replayed(StubResponse response) {
            repeatLast = false;
            replies.add(request -> response);
        }

        private StubResponse next(SentRequest request) {
            Function<SentRequest, StubResponse> reply;
            synchronized (this) {
                if (replies.isEmpty() || (!repeatLast && next >= replies.size())) {
                    return null;
                }
                reply = replies.get(Math.min(next, replies.size() - 1));
                next++;
            }
            return reply.apply(request);
        }

        @Override
        public synchronized String toString() {
            return "Script[" + key.replace("\u0000step:", "step ") + ", replies=" + replies.size() + "]";
        }
    }
}
