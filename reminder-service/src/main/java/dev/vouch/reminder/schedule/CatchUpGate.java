package dev.vouch.reminder.schedule;

import dev.vouch.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Opens once this service's consumer group has caught up with everything on its three topics as they stood
 * when the service started. Until then nothing is announced: after a start, and above all during a rebuild
 * from offset 0, the stored reminders are not yet complete, and {@code vouch.reminders} has not yet told the
 * service which reminders were already fired and resolved. Firing or announcing before that would repeat what
 * subscribers already heard, or fire reminders whose clearing event is still ahead in the stream.
 */
@Component
public class CatchUpGate implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatchUpGate.class);
    private static final List<String> TOPICS = List.of(Topics.MENTORS, Topics.LETTERS, Topics.REMINDERS);
    private static final Duration RECHECK = Duration.ofMillis(500);

    private final KafkaAdmin kafkaAdmin;
    private final String group;
    private final Clock wallClock = Clock.systemUTC(); // how often to ask Kafka is real time, not the business clock
    private volatile boolean open;
    private Map<TopicPartition, Long> target;
    private Instant lastCheck = Instant.EPOCH;
    private Admin admin;

    public CatchUpGate(KafkaAdmin kafkaAdmin, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.kafkaAdmin = kafkaAdmin;
        this.group = group;
    }

    /** True once caught up; cheap after that. While closed, asks Kafka at most twice a second. */
    public boolean isOpen() {
        if (open) {
            return true;
        }
        synchronized (this) {
            if (open || Duration.between(lastCheck, wallClock.instant()).compareTo(RECHECK) < 0) {
                return open;
            }
            lastCheck = wallClock.instant();
            try {
                if (target == null) {
                    target = endOffsets();
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
                    OffsetAndMetadata position = committed.get(end.getKey());
                    if (end.getValue() > 0 && (position == null || position.offset() < end.getValue())) {
                        return false;
                    }
                }
                open = true;
                log.info("Caught up with {} as of start: reminders may fire and be announced", TOPICS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.debug("Cannot tell yet whether the consumer caught up: {}", e.toString());
            }
            return open;
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<String, TopicDescription> topics = admin().describeTopics(TOPICS).allTopicNames().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        ListOffsetsResult offsets = admin().listOffsets(latest);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry
                : offsets.all().get(5, TimeUnit.SECONDS).entrySet()) {
            ends.put(entry.getKey(), entry.getValue().offset());
        }
        return ends;
    }

    private Admin admin() {
        if (admin == null) {
            admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
