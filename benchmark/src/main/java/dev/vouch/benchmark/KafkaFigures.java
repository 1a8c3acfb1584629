package dev.vouch.benchmark;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.EventType;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.messaging.EventValueSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Events through the real broker: produced as the services publish them, consumed by the real services. */
final class KafkaFigures implements AutoCloseable {

    /** What each service's consumer group reads. */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "mentor-service", List.of(Topics.LETTERS),
            "request-service", List.of(Topics.MENTORS),
            "reminder-service", List.of(Topics.MENTORS, Topics.LETTERS, Topics.REMINDERS));

    private final Admin admin;
    private final String bootstrap;

    KafkaFigures(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
    }

    /** Produces {@code students} students' streams (13 events each); answers how many events were sent. */
    long produce(String tenant, String prefix, int students) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        SchoolStream stream = new SchoolStream(Clock.systemUTC());
        long sent = 0;
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(),
                new EventValueSerializer())) {
            for (int s = 0; s < students; s++) {
                String student = prefix + "-" + s;
                for (EventEnvelope<VouchEvent> event : stream.student(tenant, student)) {
                    producer.send(new ProducerRecord<>(EventType.of(event.payload()).topic(), student,
                            CloudEvents.toCloudEvent(event)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** Records on the topics now (the sum of end offsets). */
    long endOffsets(List<String> topics) {
        return ends(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many records of its topics the group has not yet committed. */
    long lag(String group, List<String> topics) {
        Map<TopicPartition, Long> ends = ends(topics);
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Whether the group has committed anything yet. */
    boolean started(String group) {
        try {
            return !admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Waits until each group's lag is 0 (or the timeout passes); answers, per group, the seconds from
     * {@code startNanos} to lag 0, or NaN when the timeout passed first.
     */
    Map<String, Double> awaitDrained(Map<String, List<String>> groups, long startNanos, Duration timeout) {
        Map<String, Double> seconds = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seconds.size() < groups.size() && System.nanoTime() < deadline) {
            groups.forEach((group, topics) -> {
                if (!seconds.containsKey(group) && lag(group, topics) == 0) {
                    seconds.put(group, (System.nanoTime() - startNanos) / 1e9);
                }
            });
            LocalStackProcess.pause(100);
        }
        groups.keySet().forEach(group -> seconds.putIfAbsent(group, Double.NaN));
        return seconds;
    }

    private Map<TopicPartition, Long> ends(List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(topic ->
                    topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
