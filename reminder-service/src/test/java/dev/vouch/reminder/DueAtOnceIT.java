package dev.vouch.reminder;

import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.Topics;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.VouchServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.testsupport.EventProbe.keyed;
import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder already due when the stream derives it fires without waiting for the scheduler's tick: the tick
 * is an hour away here, so only the stream's own pass can make it fire. It fires once, even when its letter's
 * events come again.
 */
@VouchServiceTest
@TestPropertySource(properties = {
        "vouch.reminders.scheduler.interval=PT1H",
        "vouch.reminders.metrics.open-refresh=PT1H"
})
class DueAtOnceIT {

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    CatchUpGate gate;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final EventProbe probe = new EventProbe(Topics.REMINDERS);

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aReminderDueWhenDerivedFiresWithoutATick() {
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        String student = "student-" + UUID.randomUUID();
        String mentor = UUID.randomUUID().toString();
        String letter = UUID.randomUUID().toString();
        Instant deadline = clock.instant().plus(days(5));
        StudentStream stream = new StudentStream(kafka, clock, "lakeside", student, group);

        stream.send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(letter, mentor, deadline, clock.instant(), BOTH))
                .awaitApplied();

        ConsumerRecord<String, byte[]> record = probe.await(keyed(student)
                .and(ofType("dev.vouch.DeadlineApproaching.v1")), 1).get(0);
        assertThat(EventProbe.decode(record).payload())
                .isEqualTo(new DeadlineApproaching("DEADLINE_APPROACHING:" + letter + ":7", letter, mentor, deadline, 7));

        // The same letter's request once more (a redelivery, as the stream may bring): nothing fires twice.
        StudentStream again = new StudentStream(kafka, clock, "lakeside", student, group);
        again.send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(letter, mentor, deadline, clock.instant(), BOTH))
                .awaitApplied();
        List<ConsumerRecord<String, byte[]>> deadlines = probe.upToEnd(keyed(student)
                .and(ofType("dev.vouch.DeadlineApproaching.v1")));
        assertThat(deadlines).hasSize(1);
    }
}
