package dev.weft.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.ArazzoClient;
import dev.weft.runtime.messaging.Message;
import dev.weft.runtime.messaging.MessageTransport;
import dev.weft.runtime.messaging.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An Arazzo 1.1 step {@code timeout} bounds an AsyncAPI send too: a send that never completes fails the step. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageSendTimeoutTest {

    /** A transport whose sends never complete, as a broker that never answers. */
    private static final class Stuck implements MessageTransport {
        final CompletableFuture<Void> pending = new CompletableFuture<>();

        @Override
        public CompletableFuture<Void> send(Message message) {
            return pending;
        }

        @Override
        public CompletableFuture<Message> receive(Subscription subscription) {
            return new CompletableFuture<>();
        }
    }

    @Test
    void aSendPastTheStepTimeoutFailsTheStepWithAStepTimeout() {
        Stuck transport = new Stuck();
        ArazzoClient client = ArazzoClient.builder().messageTransport(transport).build();
        WorkflowRun run = WorkflowRun.start(client, "w");
        long start = System.nanoTime();
        Exchange exchange = run.message(
                "send", () -> MessageStep.send("send", "events", null, "orders").timeoutMillis(200));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(exchange.messageDone());
        assertTrue(millis >= 200 && millis < 5000, "cut at the timeout: " + millis + " ms");
        assertInstanceOf(StepTimeoutException.class, exchange.transportFailure().getCause());
        assertTrue(
                exchange.transportFailure().getMessage().contains("did not complete within its timeout of 200 ms"),
                exchange.transportFailure().getMessage());
        assertTrue(transport.pending.isCancelled(), "the stuck send was given up");
    }
}
