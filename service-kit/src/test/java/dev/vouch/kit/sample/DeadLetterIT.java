package dev.vouch.kit.sample;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.Topics;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.VouchServiceTest;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

    final EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.MENTORS));

    @AfterEach
    void closeProbe() {
        deadLetters.close();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionKeepsMoving() throws Exception {
        String student = "student-" + UUID.randomUUID();
        // All three share the key, hence the partition: the good one can only be consumed after the two bad ones.
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        kafka.send(new ProducerRecord<>(Topics.MENTORS, student, CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType("dev.vouch.MentorTeleported.v1")
                .withSource(java.net.URI.create("/elsewhere"))
                .withExtension(CloudEvents.TENANT, "med-school")
                .withExtension(CloudEvents.STUDENT_ID, student)
                .withData("{}".getBytes(StandardCharsets.UTF_8))
                .build())).get();
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
        ConsumerRecord<String, byte[]> unknown = dead.get(1);
        assertThat(header(unknown, "ce_type")).isEqualTo("dev.vouch.MentorTeleported.v1");
        assertThat(header(unknown, "kafka_dlt-exception-message")).contains("Unknown event type");
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
