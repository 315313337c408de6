package dev.weft.mcp;

import dev.weft.runtime.PollEvent;
import dev.weft.runtime.RetryEvent;
import dev.weft.runtime.StepEvent;
import dev.weft.runtime.WorkflowListener;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns one tool call's run events into MCP progress notifications: one when a step starts (each poll of a
 * polling step included), one before each poll wait and one per retry, with a count that only grows.
 *
 * <p>Messages name workflows, steps, attempts and delays, which never hold secrets; the run's own events carry
 * no header values or bodies.
 */
final class ProgressListener implements WorkflowListener {

    private final McpAsyncServerExchange exchange;
    private final Object token;
    private final String workflowId;
    private final AtomicInteger progress = new AtomicInteger();

    ProgressListener(McpAsyncServerExchange exchange, Object token, String workflowId) {
        this.exchange = exchange;
        this.token = token;
        this.workflowId = workflowId;
    }

    @Override
    public void stepStarted(StepEvent event) {
        String visit = event.attempt() > 1 ? ", visit " + event.attempt() : "";
        send(where(event.workflowId()) + "step '" + event.stepId() + "'" + visit);
    }

    @Override
    public void pollWaiting(PollEvent event) {
        send(where(event.workflowId()) + "poll " + event.iteration() + ": waiting "
                + event.delay().toMillis() + " ms before step '" + event.stepId() + "' again");
    }

    @Override
    public void retryScheduled(RetryEvent event) {
        send(where(event.workflowId()) + "step '" + event.stepId() + "' failed; retrying");
    }

    /** Names a called workflow; the tool's own needs no name. */
    private String where(String eventWorkflow) {
        return workflowId.equals(eventWorkflow) ? "" : "workflow '" + eventWorkflow + "' ";
    }

    private void send(String message) {
        McpSchema.ProgressNotification notification =
                new McpSchema.ProgressNotification(token, (double) progress.incrementAndGet(), null, message, null);
        // best effort: a client that went away must not fail the run
        exchange.progressNotification(notification).subscribe(done -> {}, failure -> {});
    }
}
