package dev.weft.runtime.internal;

import dev.weft.runtime.WorkflowException;
import dev.weft.runtime.http.HttpCall;
import dev.weft.runtime.http.Redactor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A run's secrets and the failures it builds from them: every message, excerpt, cause and URL of a run's
 * failures and events passes through here and leaves with the secrets masked.
 */
final class RunFailures {

    private final String workflowId;
    private final PollGuard guard;
    /** Replaced, never changed, when a secret is added: requests read it without locking or copying. */
    private volatile RunSecrets secrets = RunSecrets.NONE;

    RunFailures(String workflowId, PollGuard guard) {
        this.workflowId = workflowId;
        this.guard = guard;
    }

    Collection<String> secrets() {
        return secrets.values();
    }

    void addSecrets(Collection<String> values) {
        if (secrets.adds(values)) {
            synchronized (this) {
                secrets = secrets.with(values);
            }
        }
    }

    void addSecret(String value) {
        if (value != null) {
            addSecrets(List.of(value));
        }
    }

    String redact(String text) {
        return secrets.masks().mask(text);
    }

    /** A URL fit for messages and events: secret query values and the run's secrets masked. */
    String redactUrl(URI uri) {
        return Redactor.redactUri(uri, secrets.masks());
    }

    /**
     * The failure of a step after an exchange: its status and a redacted excerpt of the body, or, for an exchange
     * without a response, why none came. Not yet reported to the listener.
     */
    WorkflowException failure(String stepId, Exchange exchange, String message, Throwable cause) {
        if (exchange != null && exchange.transportFailure() != null && cause == null) {
            WorkflowException transport = exchange.transportFailure();
            return new WorkflowException(
                    workflowId,
                    stepId,
                    guard.attempt(stepId),
                    -1,
                    null,
                    redact(message + ": " + transport.detail()),
                    transport);
        }
        return new WorkflowException(
                workflowId,
                stepId,
                guard.attempt(stepId),
                exchange == null ? -1 : exchange.statusCode(),
                exchange == null ? null : exchange.responseExcerpt(),
                redact(message),
                cause == null ? null : TransportFailures.sanitize(cause, this::redact));
    }

    /** A failure of a step without a response (or of the run, for a {@code null} step); message redacted. */
    WorkflowException error(String stepId, String message, Throwable cause) {
        return new WorkflowException(
                workflowId, stepId, stepId == null ? 0 : guard.attempt(stepId), -1, null, redact(message), cause);
    }

    /**
     * The failure of an exchange the transport could not complete: a {@link TransportFailure} when the cause is
     * an I/O failure (the step's failure actions may handle it), else a plain failure (a transport's bug).
     */
    WorkflowException transport(String stepId, int attempt, HttpCall call, Throwable cause, Duration requestTimeout) {
        String message = redact(TransportFailures.message(call, cause, requestTimeout));
        Throwable safe = TransportFailures.sanitize(cause, this::redact);
        return safe instanceof IOException
                ? new TransportFailure(workflowId, stepId, attempt, message, safe, call)
                : new WorkflowException(workflowId, stepId, attempt, -1, null, message, safe);
    }
}
