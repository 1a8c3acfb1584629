package dev.vouch.reminder;

import dev.vouch.events.ReminderKind;
import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.testsupport.EventProbe.keyed;
import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The other services' events played on the real broker, the reminder service's answer read from its API and
 * from {@code vouch.reminders}, as a subscriber would.
 */
@ReminderServiceTest
class ReminderFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    DueReminderScheduler scheduler;
    @Autowired
    CatchUpGate gate;
    @Autowired
    dev.vouch.reminder.store.ReminderStore reminders;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final EventProbe probe = new EventProbe(Topics.REMINDERS);
    StudentStream stream;
    ApiClient api;

    @BeforeEach
    void student() {
        String student = "student-" + UUID.randomUUID();
        stream = new StudentStream(kafka, clock, "lakeside", student, group);
        api = new ApiClient(port).as(TestTokens.student("lakeside", student));
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aLetterDueInFiveDaysYieldsADeadlineReminderAndSubmittingResolvesIt() {
        String mentor = UUID.randomUUID().toString();
        String letter = UUID.randomUUID().toString();
        String reminderId = "DEADLINE_APPROACHING:" + letter + ":7";
        Instant deadline = clock.instant().plus(days(5));

        stream.send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(letter, mentor, deadline, clock.instant(), BOTH))
                .awaitApplied();
        JsonNode comingUp = item(reminderId);
        assertThat(comingUp.get("state").asString()).isEqualTo("UPCOMING");
        assertThat(comingUp.get("due").asBoolean()).isFalse();
        assertThat(comingUp.get("kind").asString()).isEqualTo("DEADLINE_APPROACHING");

        assertThat(scheduler.fireDue()).isGreaterThanOrEqualTo(1);

        ConsumerRecord<String, byte[]> record = probe.await(keyed(stream.studentId())
                .and(ofType("dev.vouch.DeadlineApproaching.v1")), 1).get(0);
        assertThat(EventProbe.decode(record).payload()).isEqualTo(new DeadlineApproaching(reminderId, letter, mentor, deadline, 7));
        assertThat(EventProbe.header(record, "ce_source")).isEqualTo("/vouch/reminder-service");
        assertThat(payloads(keyed(stream.studentId()).and(ofType("dev.vouch.ReminderDue.v1"))))
                .anySatisfy(event -> assertThat(((ReminderDue) event).reminderId()).isEqualTo(reminderId));
        JsonNode due = item(reminderId);
        assertThat(due.get("state").asString()).isEqualTo("OPEN");
        assertThat(due.get("due").asBoolean()).isTrue();
        assertThat(due.get("message").asString())
                .isEqualTo("Dr. Rivera has not confirmed your residency letter due in 5 days: send a polite follow-up");

        stream.send(new LetterSubmitted(letter, mentor)).awaitApplied();

        JsonNode resolved = item(reminderId);
        assertThat(resolved.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolution").asString()).isEqualTo("CONDITION_CLEARED");
        ConsumerRecord<String, byte[]> resolution = probe.await(keyed(stream.studentId())
                .and(ofType("dev.vouch.ReminderResolved.v1"))
                .and(r -> ((ReminderResolved) EventProbe.decode(r).payload()).reminderId().equals(reminderId)), 1).get(0);
        assertThat(((ReminderResolved) EventProbe.decode(resolution).payload()).resolution())
                .isEqualTo(ReminderResolution.CONDITION_CLEARED);
    }

    @Test
    void aLetterArrivingBeforeItsMentorIsRetitledWhenTheMentorArrives() {
        String mentor = UUID.randomUUID().toString();
        String letter = UUID.randomUUID().toString();
        String reminderId = "DEADLINE_APPROACHING:" + letter + ":7";

        stream.send(requested(letter, mentor, clock.instant().plus(days(5)), clock.instant(), BOTH)).awaitApplied();
        scheduler.fireDue();
        assertThat(item(reminderId).get("message").asString()).startsWith("Your mentor has not confirmed");

        stream.send(mentorAdded(mentor, "Dr. Okafor", 90)).awaitApplied();

        assertThat(item(reminderId).get("message").asString()).startsWith("Dr. Okafor has not confirmed");
        assertThat(item("STAY_IN_TOUCH:" + mentor).get("dueAt").asString()).isNotBlank();
    }

    @Test
    void theReminderMetricsAreExposed() {
        long openBefore = reminders.openByKind().get(ReminderKind.DEADLINE_APPROACHING);
        String mentor = UUID.randomUUID().toString();
        stream.send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(UUID.randomUUID().toString(), mentor, clock.instant().plus(days(2)), clock.instant(), BOTH))
                .awaitApplied();
        scheduler.fireDue();
        assertThat(reminders.openByKind().get(ReminderKind.DEADLINE_APPROACHING)).as("counted open")
                .isGreaterThan(openBefore);

        String metrics = new ApiClient(port).get("/actuator/prometheus").body();

        assertThat(metrics).contains("vouch_reminders_fired_total{kind=\"DEADLINE_APPROACHING\"")
                .contains("vouch_reminders_open{kind=\"OVERDUE\"")
                .contains("vouch_reminders_derivation_lag_seconds_count");
    }

    /** Every state, closed ones and those coming up included (the list shows what is due by default). */
    static final String EVERY_STATE = "&state=UPCOMING&state=OPEN&state=SNOOZED&state=DONE&state=DISMISSED&state=RESOLVED";

    private JsonNode item(String id) {
        ApiClient.Response list = api.get("/api/v1/reminders?size=100" + EVERY_STATE);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode item : list.json().get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No reminder " + id + " in " + list.body());
    }

    private List<VouchEvent> payloads(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return probe.await(filter, 1).stream().map(EventProbe::decode).map(EventEnvelope::payload).toList();
    }
}
