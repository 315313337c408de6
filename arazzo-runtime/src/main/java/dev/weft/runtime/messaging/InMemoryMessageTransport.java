package dev.weft.runtime.messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A transport that keeps messages in memory, for tests and for running a workflow without a broker: every channel
 * keeps its last {@value #HISTORY} messages, a receive sees those published since its subscription's
 * {@code since} and every later one, and listeners registered with {@link #onSend} play the other side (a service
 * that answers an order with a confirmation). Thread-safe.
 */
public final class InMemoryMessageTransport implements MessageTransport {

    /** How many messages each channel keeps for receives that subscribe after they were published. */
    public static final int HISTORY = 1000;

    private final Map<String, Deque<Message>> channels = new HashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Map<String, List<Consumer<Message>>> listeners = new HashMap<>();

    private record Waiter(Subscription subscription, CompletableFuture<Message> future) {}

    /**
     * Calls {@code listener} for every message later sent or published on {@code channel}, after the receives
     * waiting for it were completed; a listener may publish (a reply).
     *
     * @param channel the channel's address
     * @param listener the listener
     * @return this transport
     */
    public InMemoryMessageTransport onSend(String channel, Consumer<Message> listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (this) {
            listeners
                    .computeIfAbsent(Objects.requireNonNull(channel, "channel"), c -> new CopyOnWriteArrayList<>())
                    .add(listener);
        }
        return this;
    }

    /**
     * Publishes a message as another party would: it completes the receives waiting for it, and is kept for
     * later ones.
     *
     * @param message the message
     */
    public void publish(Message message) {
        Objects.requireNonNull(message, "message");
        List<Waiter> matched = new ArrayList<>();
        List<Consumer<Message>> toCall;
        synchronized (this) {
            Deque<Message> history = channels.computeIfAbsent(message.channel(), c -> new ArrayDeque<>());
            history.addLast(message);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
            waiters.removeIf(w -> {
                if (w.future().isDone()) {
                    return true;
                }
                if (w.subscription().accepts(message)) {
                    matched.add(w);
                    return true;
                }
                return false;
            });
            toCall = List.copyOf(listeners.getOrDefault(message.channel(), List.of()));
        }
        matched.forEach(w -> w.future().complete(message));
        toCall.forEach(l -> l.accept(message));
    }

    /**
     * The messages a channel keeps, oldest first.
     *
     * @param channel the channel's address
     * @return a snapshot
     */
    public synchronized List<Message> messages(String channel) {
        return List.copyOf(channels.getOrDefault(channel, new ArrayDeque<>()));
    }

    @Override
    public CompletableFuture<Void> send(Message message) {
        try {
            publish(message);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Message> receive(Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        CompletableFuture<Message> future = new CompletableFuture<>();
        synchronized (this) {
            for (Message kept : channels.getOrDefault(subscription.channel(), new ArrayDeque<>())) {
                if (subscription.accepts(kept)) {
                    future.complete(kept);
                    return future;
                }
            }
            waiters.add(new Waiter(subscription, future));
        }
        future.whenComplete((m, failure) -> {
            synchronized (this) {
                waiters.removeIf(w -> w.future() == future);
            }
        });
        return future.orTimeout(subscription.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }
}
