package dev.weft.runtime.internal;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * An Arazzo 1.1 step {@code timeout} passed: the step's request got no complete response in time. A transport
 * failure like any other, which the step's failure actions see.
 */
final class StepTimeoutException extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    StepTimeoutException(String stepId, Duration timeout) {
        super("step '" + stepId + "' did not complete within its timeout of " + timeout.toMillis() + " ms");
    }
}
