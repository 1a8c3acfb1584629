package dev.vouch.request;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorEvent;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.Topics;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.mentor.KnownMentor;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ConsumerGroups;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Publishes mentor events to {@code vouch.mentors} as mentor-service would, and waits for the directory. */
public final class MentorFeed {

    private final KafkaTemplate<String, Object> kafka;
    private final EventFactory events;
    private final MentorDirectory directory;
    private final String consumerGroup;

    public MentorFeed(KafkaTemplate<String, Object> kafka, EventFactory events, MentorDirectory directory,
                      Environment environment) {
        this.kafka = kafka;
        this.events = events;
        this.directory = directory;
        this.consumerGroup = environment.getRequiredProperty("spring.kafka.consumer.group-id");
    }

    /** A new active mentor of the student, already in the directory. */
    public String addMentor(String tenant, String studentId) {
        String mentorId = UUID.randomUUID().toString();
        publish(added(tenant, studentId, mentorId, 1));
        awaitEntry(mentorId, entry -> true);
        return mentorId;
    }

    /** Archives the mentor (as its version 2) and waits until the directory says so. */
    public void archive(String tenant, String studentId, String mentorId) {
        publish(envelope(new MentorArchived(mentorId), tenant, studentId, 2));
        awaitEntry(mentorId, KnownMentor::isArchived);
    }

    public EventEnvelope<MentorAdded> added(String tenant, String studentId, String mentorId, long sequence) {
        return envelope(new MentorAdded(mentorId, "Dr. Ana Rivera", "Associate Program Director", "Internal Medicine",
                "Lakeside University Hospital", MentorRelationship.FACULTY, null, 90), tenant, studentId, sequence);
    }

    public <E extends MentorEvent> EventEnvelope<E> envelope(E event, String tenant, String studentId, long sequence) {
        return events.envelope(event, tenant, studentId, sequence);
    }

    /** Sends the envelope as it is: sending the same one twice is a redelivery (same ce_id). */
    public RecordMetadata publish(EventEnvelope<?> envelope) {
        try {
            return kafka.send(new ProducerRecord<>(Topics.MENTORS, envelope.studentId(), CloudEvents.toCloudEvent(envelope)))
                    .get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + envelope.type(), e);
        }
    }

    /** Waits until request-service's listener has committed past the record: it was handled, applied or not. */
    public void awaitConsumed(RecordMetadata sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), sent.partition(), sent.offset(), null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ConsumerGroups.hasConsumed(consumerGroup, record));
    }

    public KnownMentor awaitEntry(String mentorId, Predicate<KnownMentor> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> directory.find(mentorId).orElse(null), entry -> entry != null && condition.test(entry));
    }
}
