package dev.weft.runtime;

import java.time.Duration;

/**
 * An AsyncAPI step's message (Arazzo 1.1): sent, received, or not. Carries no header or payload, so that nothing
 * secret is in it; an error is redacted as a failure's message is.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param attempt the step's attempt, 1-based
 * @param action {@code send} or {@code receive}
 * @param channel the channel's address
 * @param operationId the AsyncAPI operation the step names, or {@code null} for a {@code channelPath} step
 * @param duration the time from the start of the send or the wait to its end
 * @param error what went wrong (no transport, a failed send, no matching message in time), redacted; {@code
 *     null} when the message was sent or received
 * @param elapsed the time since the run started
 */
public record MessageEvent(
        String workflowId,
        String stepId,
        int attempt,
        String action,
        String channel,
        String operationId,
        Duration duration,
        String error,
        Duration elapsed) {}
