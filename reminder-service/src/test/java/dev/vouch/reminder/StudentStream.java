package dev.vouch.reminder;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.EventType;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.TargetEvent;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.testsupport.ConsumerGroups;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One student's events, sent to the real broker as mentor-service and request-service would send them: binary
 * CloudEvents keyed by the student, each aggregate's events numbered in order.
 */
public final class StudentStream {

    private final KafkaTemplate<String, Object> kafka;
    private final EventFactory mentorService;
    private final EventFactory requestService;
    private final String tenant;
    private final String studentId;
    private final String group;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, RecordMetadata> lastSent = new LinkedHashMap<>();

    public StudentStream(KafkaTemplate<String, Object> kafka, Clock clock, String tenant, String studentId, String group) {
        this.kafka = kafka;
        this.mentorService = new EventFactory("mentor-service", clock);
        this.requestService = new EventFactory("request-service", clock);
        this.tenant = tenant;
        this.studentId = studentId;
        this.group = group;
    }

    public String studentId() {
        return studentId;
    }

    public String tenant() {
        return tenant;
    }

    /** Sends the event as the next version of its aggregate and waits for the broker's acknowledgement. */
    public StudentStream send(VouchEvent event) {
        long sequence = sequences.merge(event.subject(), 1L, Long::sum);
        EventFactory source = event instanceof LetterEvent || event instanceof TargetEvent ? requestService : mentorService;
        EventEnvelope<VouchEvent> envelope = source.envelope(event, tenant, studentId, sequence);
        String topic = EventType.of(event).topic();
        try {
            RecordMetadata sent = kafka.send(new ProducerRecord<>(topic, studentId, CloudEvents.toCloudEvent(envelope)))
                    .get(10, TimeUnit.SECONDS).getRecordMetadata();
            lastSent.put(topic + "-" + sent.partition(), sent);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + event, e);
        }
        return this;
    }

    /** Waits until the service's consumer group has handled everything sent so far. */
    public StudentStream awaitApplied() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> lastSent.values().stream()
                .allMatch(sent -> ConsumerGroups.hasConsumed(group,
                        new ConsumerRecord<>(sent.topic(), sent.partition(), sent.offset(), studentId, new byte[0]))));
        return this;
    }
}
