package dev.vouch.kit.sample;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.Topics;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.VouchServiceTest;
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

import static dev.vouch.testsupport.EventProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@VouchServiceTest
class BatchConsumptionIT {

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    LetterBatchTally tally;

    final EventProbe deadLetters = new EventProbe(Topics.deadLetter(Topics.LETTERS));

    @AfterEach
    void closeProbe() {
        deadLetters.close();
    }

    @Test
    void aPoisonRecordInsideABatchIsDeadLetteredAloneAndEveryOtherRecordIsAppliedOnce() throws Exception {
        String student = "student-" + UUID.randomUUID();
        String mentor = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            if (i == 2) {
                kafka.send(new ProducerRecord<>(Topics.LETTERS, student, "{broken".getBytes(StandardCharsets.UTF_8)));
            }
            LetterRequested requested = new LetterRequested(UUID.randomUUID().toString(), mentor, LetterPurpose.RESIDENCY,
                    List.of("Mass General IM"), Instant.parse("2027-01-15T17:00:00Z"), true, Set.of(), false, false,
                    Instant.parse("2026-11-20T10:00:00Z"));
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student,
                    CloudEvents.toCloudEvent(events.envelope(requested, "med-school", student, 1))));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(20)).until(() -> tally.count(mentor) == 5);
        assertThat(deadLetters.await(keyed(student), 1)).hasSize(1);
        assertThat(deadLetters.upToEnd(keyed(student))).hasSize(1);
        assertThat(tally.count(mentor)).isEqualTo(5);
    }
}
