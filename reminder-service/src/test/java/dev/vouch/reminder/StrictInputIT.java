package dev.vouch.reminder;

import dev.vouch.reminder.store.Reminder;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.HostileBodies;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snooze body, the one body of the reminder API, is read strictly: unknown fields (tenant, student and
 * roles among them), wrong JSON types, duplicate keys, lone surrogates and control characters answer 400 naming
 * the field, and the reminder stays as it was.
 */
@ReminderServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT {

    static final String UNTIL = "${until}";
    static final HostileBodies SNOOZE = HostileBodies.from(Map.of("until", "\"" + UNTIL + "\"")).text("until");

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
    MongoTemplate mongo;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final String tenant = "school-" + UUID.randomUUID();
    final String student = "student-" + UUID.randomUUID();
    final String letter = UUID.randomUUID().toString();
    ApiClient api;

    /** A student with one letter due in 5 days, fired: its 7-day threshold and the short-notice flag are due. */
    @BeforeAll
    void aStudentWithDueReminders() {
        String mentor = UUID.randomUUID().toString();
        api = new ApiClient(port).as(TestTokens.student(tenant, student));
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        new StudentStream(kafka, clock, tenant, student, group)
                .send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(letter, mentor, clock.instant().plus(days(5)), clock.instant(), BOTH))
                .awaitApplied();
        scheduler.fireDue();
    }

    static Stream<Arguments> refused() {
        return Stream.concat(SNOOZE.cases().stream().map(Arguments::of), Stream.of(
                Arguments.of(new HostileBodies.Case("a number for the instant", "{\"until\":1900000000}", "until")),
                Arguments.of(new HostileBodies.Case("unknown field only", "{\"for\":\"PT2H\"}", "for"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void answers400NamingTheFieldAndChangesNothing(HostileBodies.Case input) {
        JsonNode before = reminder(threshold(7));
        long stored = reminders();

        ApiClient.Response response = api.post("/api/v1/reminders/" + threshold(7) + "/snooze", fill(input.body()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://vouch.dev/problems/validation");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(input.field());
        assertThat(reminder(threshold(7))).isEqualTo(before);
        assertThat(reminders()).isEqualTo(stored);
    }

    /** The control, on the other due reminder: the valid body the hostile ones were made from is accepted. */
    @Test
    void theValidBodyIsAccepted() {
        String shortNotice = "ASK_EARLY:" + letter + ":short-notice";
        ApiClient.Response response = api.post("/api/v1/reminders/" + shortNotice + "/snooze", fill(SNOOZE.valid()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("state").asString()).isEqualTo("SNOOZED");
    }

    private String fill(String body) {
        return body.replace(UNTIL, clock.instant().plus(Duration.ofHours(20)).toString());
    }

    private JsonNode reminder(String id) {
        for (JsonNode item : api.get("/api/v1/reminders?size=100").json().get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No reminder " + id);
    }

    private long reminders() {
        return mongo.count(Query.query(Criteria.where("tenant").is(tenant)), Reminder.class);
    }

    private String threshold(int days) {
        return "DEADLINE_APPROACHING:" + letter + ":" + days;
    }
}
