package dev.weft.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.runtime.messaging.Message;
import dev.weft.runtime.messaging.MessageTransport;
import dev.weft.runtime.messaging.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@link MessageTransport} over Apache Kafka: a channel's address is a topic, a message's headers are record
 * headers (UTF-8), its payload the record value as JSON. A send produces a record and completes when the broker
 * acknowledged it. A receive reads every partition of the topic from the first record stamped at or after the
 * subscription's {@code since} (the run's start), without a consumer group (nothing is committed, so runs never
 * steal each other's replies), on a thread of its own until the first accepted record, the timeout or a cancel.
 *
 * <p>One instance per application; {@link #close()} closes the producer. Record values over
 * {@value #MAX_PAYLOAD_BYTES} bytes are not parsed (they pass as absent payloads).
 */
public final class KafkaMessageTransport implements MessageTransport, AutoCloseable {

    /** The largest record value parsed as a payload. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Object> consumerConfig;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicInteger receivers = new AtomicInteger();

    private KafkaMessageTransport(Map<String, Object> config) {
        Map<String, Object> producerConfig = new HashMap<>(config);
        producerConfig.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.consumerConfig = new HashMap<>(config);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }

    /**
     * A transport to the brokers at {@code bootstrapServers} with the client defaults.
     *
     * @param bootstrapServers for example {@code 127.0.0.1:9092}
     * @return the transport
     */
    public static KafkaMessageTransport create(String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        return create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * A transport with client configuration of your own (security, timeouts), used for both the producer and the
     * consumers; the serializers are the transport's.
     *
     * @param config Kafka client properties; {@code bootstrap.servers} at least
     * @return the transport
     */
    public static KafkaMessageTransport create(Map<String, Object> config) {
        return new KafkaMessageTransport(Map.copyOf(config));
    }

    @Override
    public CompletableFuture<Void> send(Message message) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            byte[] value = message.payload() == null ? null : JSON.writeValueAsBytes(message.payload());
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                    message.channel(), null, message.timestamp().toEpochMilli(), null, value);
            message.headers().forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            });
        } catch (IOException | RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    @Override
    public CompletableFuture<Message> receive(Subscription subscription) {
        CompletableFuture<Message> received = new CompletableFuture<>();
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            Properties properties = new Properties();
            properties.putAll(consumerConfig);
            properties.put(
                    ConsumerConfig.CLIENT_ID_CONFIG,
                    "weft-" + subscription.stepId() + "-" + receivers.incrementAndGet());
            consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            received.completeExceptionally(e);
            return received;
        }
        received.orTimeout(subscription.timeout().toNanos(), TimeUnit.NANOSECONDS);
        // a cancel or the timeout interrupts a poll in progress
        received.whenComplete((m, failure) -> wakeUp(consumer));
        Thread reader = new Thread(() -> read(consumer, subscription, received), "weft-kafka-receive");
        reader.setDaemon(true);
        reader.start();
        return received;
    }

    private static void read(
            KafkaConsumer<byte[], byte[]> consumer, Subscription subscription, CompletableFuture<Message> received) {
        try (consumer) {
            List<TopicPartition> partitions = partitions(consumer, subscription, received);
            if (partitions == null) {
                return;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, subscription.since().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(at);
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp offset = offsets.get(p);
                if (offset != null) {
                    consumer.seek(p, offset.offset());
                } else {
                    consumer.seekToEnd(List.of(p));
                }
            }
            while (!received.isDone()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Message message = message(record);
                    if (subscription.accepts(message)) {
                        received.complete(message);
                        return;
                    }
                }
            }
        } catch (WakeupException e) {
            // the receive completed: timed out or cancelled
        } catch (RuntimeException e) {
            received.completeExceptionally(e);
        }
    }

    /** The topic's partitions, waiting for a topic that does not exist yet (it may be created by its sender). */
    private static List<TopicPartition> partitions(
            KafkaConsumer<byte[], byte[]> consumer, Subscription subscription, CompletableFuture<Message> received) {
        while (!received.isDone()) {
            List<PartitionInfo> infos = consumer.partitionsFor(subscription.channel(), Duration.ofSeconds(1));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static void wakeUp(KafkaConsumer<byte[], byte[]> consumer) {
        try {
            consumer.wakeup();
        } catch (RuntimeException closed) {
            // the reader has already closed it
        }
    }

    private static Message message(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.putIfAbsent(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Message(record.topic(), headers, payload(record.value()), Instant.ofEpochMilli(record.timestamp()));
    }

    private static JsonNode payload(byte[] value) {
        if (value == null || value.length == 0 || value.length > MAX_PAYLOAD_BYTES) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(value, StandardCharsets.UTF_8));
        }
    }

    /** Closes the producer, waiting up to 5 s for records in flight; receives in progress end on their own. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
