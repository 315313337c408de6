package dev.weft.runtime.internal;

import dev.weft.runtime.http.HttpCall;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Words the failures of HTTP exchanges (timeouts, refused and reset connections …) for people, secrets masked. */
final class TransportFailures {

    private static final int MAX_DEPTH = 10;

    private TransportFailures() {}

    /**
     * Describes a failed exchange: method, URL without its query, the failure's class and a clear reason.
     *
     * @param call the call
     * @param failure the failure
     * @param requestTimeout the client's request timeout, to tell it from the run's deadline
     * @return the message, not yet redacted
     */
    static String message(HttpCall call, Throwable failure, Duration requestTimeout) {
        String target = call.uri().getScheme() + "://" + call.uri().getRawAuthority()
                + call.uri().getRawPath();
        return call.method() + " " + target + " failed: " + describe(failure, call.timeout(), requestTimeout);
    }

    /** The class of a failure and a reason, taking the message from a cause when the JDK gives none. */
    static String describe(Throwable failure, Duration timeout, Duration requestTimeout) {
        String name = failure.getClass().getSimpleName();
        if (failure instanceof StepTimeoutException) {
            return name + ": " + failure.getMessage();
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return name + ": could not connect within the connect timeout";
        }
        if (failure instanceof HttpTimeoutException && timeout != null) {
            boolean deadline = requestTimeout != null && timeout.compareTo(requestTimeout) < 0;
            return name + ": no complete response within " + timeout.truncatedTo(ChronoUnit.MILLIS)
                    + (deadline ? " (the time left before the run's deadline)" : " (the request timeout)");
        }
        String message = firstMessage(failure);
        if (failure instanceof ConnectException && message == null) {
            // the JDK's HttpClient reports a refused connection without any message
            return name + ": could not connect to the server (connection refused)";
        }
        if (failure instanceof EOFException || (message != null && message.contains("received no bytes"))) {
            return name + ": " + (message == null ? "" : message + ": ")
                    + "the server closed the connection before a complete response";
        }
        if (message != null && message.contains("bytes received")) {
            return name + ": " + message + " (the connection closed before the whole body arrived)";
        }
        if (message != null && message.toLowerCase(Locale.ROOT).contains("connection reset")) {
            return name + ": " + message + " (the server reset the connection)";
        }
        return message == null ? name : name + ": " + message;
    }

    /**
     * Returns a cause fit to keep in an exception: the failure itself, or, when redaction would change a
     * message in its chain, an {@link IOException} carrying the redacted description and the same stack trace.
     *
     * @param failure the failure
     * @param redact the run's redaction
     * @return the cause
     */
    static Throwable sanitize(Throwable failure, UnaryOperator<String> redact) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact.apply(message))) {
                IOException safe = new IOException(
                        failure.getClass().getName() + ": " + redact.apply(String.valueOf(firstMessage(failure))));
                safe.setStackTrace(failure.getStackTrace());
                return safe;
            }
        }
        return failure;
    }

    private static String firstMessage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return null;
    }
}
