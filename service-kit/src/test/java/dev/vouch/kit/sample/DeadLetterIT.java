package dev.vouch.kit.sample;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.Topics;
import dev.vouch.kit.messaging.EventMetrics;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.VouchServiceTest;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.vouch.testsupport.EventProbe.header;
import static dev.vouch.testsupport.EventProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@VouchServiceTest
class DeadLetterIT {

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MentorTally tally;
    @Autowired
    LetterBatchTally letterTally;
    @Autowired
    MeterRegistry registry;

    final EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.MENTORS));

    @AfterEach
    void closeProbe() {
        deadLetters.close();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicUnknownTypesAreSkippedAndThePartitionKeepsMoving() throws Exception {
        String student = "student-" + UUID.randomUUID();
        double skippedBefore = skipped();
        // All four share the key, hence the partition: the good one can only be consumed after the other three.
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, wellFormed("dev.vouch.MentorAdded.v2", student,
                "{\"mentorId\":\"m-1\",\"fullName\":\"Dr. Future\"}"))).get();
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, wellFormed("dev.vouch.MentorAdded.v1", student,
                "{\"mentorId\": 12, \"name\": [}"))).get();
        String goodMentor = UUID.randomUUID().toString();
        EventEnvelope<MentorAdded> good = events.envelope(new MentorAdded(goodMentor, "Dr. Lee", null, null, null,
                MentorRelationship.FACULTY, null, 90), "med-school", student, 1);
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, CloudEvents.toCloudEvent(good))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> tally.count(goodMentor) == 1);

        List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(keyed(student), 2);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, byte[]> garbage = dead.get(0);
        assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        assertThat(header(garbage, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(garbage, "kafka_dlt-original-topic")).isEqualTo(Topics.MENTORS);
        // The v2 event sat between the two: had it been dead-lettered, it would be the second dead letter.
        ConsumerRecord<String, byte[]> undecodable = dead.get(1);
        assertThat(header(undecodable, "ce_type")).isEqualTo("dev.vouch.MentorAdded.v1");
        assertThat(header(undecodable, "kafka_dlt-exception-fqcn")).isNotBlank();
        // Skipped once: not retried, not counted as a failure.
        await().atMost(Duration.ofSeconds(10)).until(() -> skipped() >= skippedBefore + 1);
        assertThat(skipped()).isEqualTo(skippedBefore + 1);
    }

    @Test
    void aBatchListenerSkipsUnknownTypesAndDeadLettersOnlyWhatDoesNotDecode() throws Exception {
        String student = "student-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (EventProbe letterDeadLetters = new EventProbe(Topics.deadLetter(Topics.LETTERS))) {
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student, wellFormed("dev.vouch.LetterRequested.v2", student,
                    "{\"letterId\":\"l-1\"}"))).get();
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student, CloudEvents.toCloudEvent(requested(student, first)))).get();
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student, wellFormed("dev.vouch.LetterFaxed.v1", student, "{}"))).get();
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student, "\u0000garbage".getBytes(StandardCharsets.UTF_8))).get();
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student, CloudEvents.toCloudEvent(requested(student, second)))).get();

            await().atMost(Duration.ofSeconds(20)).until(() -> letterTally.count(second) == 1);
            assertThat(letterTally.count(first)).isEqualTo(1);
            List<ConsumerRecord<String, byte[]>> dead = letterDeadLetters.await(keyed(student), 1);
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("\u0000garbage");
        }
    }

    private EventEnvelope<LetterRequested> requested(String student, String mentor) {
        return events.envelope(new LetterRequested(UUID.randomUUID().toString(), mentor, LetterPurpose.RESIDENCY,
                List.of("Lakeside"), Instant.parse("2027-01-15T17:00:00Z"), true, Set.of(), false, false,
                Instant.parse("2026-11-01T10:00:00Z")), "med-school", student, 1);
    }

    /** A CloudEvent with every attribute a Vouch event carries, of any type and payload. */
    private static io.cloudevents.CloudEvent wellFormed(String type, String student, String json) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type)
                .withSource(java.net.URI.create("/elsewhere"))
                .withTime(java.time.OffsetDateTime.parse("2026-11-01T10:00:00Z"))
                .withDataContentType("application/json")
                .withExtension(CloudEvents.TENANT, "med-school")
                .withExtension(CloudEvents.STUDENT_ID, student)
                .withExtension(CloudEvents.SEQUENCE, "1")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private double skipped() {
        Counter counter = registry.find(EventMetrics.CONSUMED).tags("type", "unknown", "outcome", "skipped").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredAndTheNextRecordIsConsumed() throws Exception {
        String student = "student-" + UUID.randomUUID();
        EventEnvelope<MentorAdded> failing = events.envelope(new MentorAdded(UUID.randomUUID().toString(), "explode",
                null, null, null, MentorRelationship.OTHER, null, 90), "med-school", student, 1);
        String nextMentor = UUID.randomUUID().toString();
        EventEnvelope<MentorAdded> next = events.envelope(new MentorAdded(nextMentor, "Dr. Next", null, null, null,
                MentorRelationship.FACULTY, null, 90), "med-school", student, 1);
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, CloudEvents.toCloudEvent(failing))).get();
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, CloudEvents.toCloudEvent(next))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> tally.count(nextMentor) == 1);
        ConsumerRecord<String, byte[]> dead = deadLetters.await(keyed(student), 1).get(0);
        assertThat(header(dead, "ce_id")).isEqualTo(failing.id());
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(EventProbe.decode(dead).payload()).isEqualTo(failing.payload());
    }
}
