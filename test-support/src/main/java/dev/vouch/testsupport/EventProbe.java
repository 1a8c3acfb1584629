package dev.vouch.testsupport;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.VouchEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads topics from the beginning, as an outside subscriber would, and waits for records. Tests filter by
 * their own student ids, so records of other tests on the same broker do not matter.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final List<String> topics;

    public EventProbe(String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, VouchInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = List.of(topics);
        consumer.subscribe(this.topics);
    }

    /** Waits until at least {@code count} records match, and returns all that match. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return matching(filter);
                }, found -> found.size() >= count);
    }

    /**
     * Reads every partition up to its end offset as of this call and returns every record that matches: to
     * assert that no more arrived than expected. Waits on offsets, not on a quiet period: whatever was written
     * before the call is read, however slow the broker.
     */
    public List<ConsumerRecord<String, byte[]>> upToEnd(Predicate<ConsumerRecord<String, byte[]>> filter) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            poll();
            return consumer.assignment().containsAll(ends.keySet())
                    && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return matching(filter);
    }

    public List<ConsumerRecord<String, byte[]>> all() {
        poll();
        return List.copyOf(records);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return records.stream().filter(filter).toList();
    }

    public static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String ceType) {
        return record -> {
            var header = record.headers().lastHeader("ce_type");
            return header != null && ceType.equals(new String(header.value()));
        };
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }

    /** Decodes a record the way a subscriber would, through the CloudEvents Kafka binding. */
    public static EventEnvelope<VouchEvent> decode(ConsumerRecord<String, byte[]> record) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return CloudEvents.fromCloudEvent(deserializer.deserialize(record.topic(), record.headers(), record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
