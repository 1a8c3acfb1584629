package dev.vouch.reminder;

import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.QueryShapes;
import dev.vouch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query reminder-service sends on a request's or an event's path is served by {@code _id} or by a unique
 * index (its exact fields, its leading fields, or a bound on them: see {@link QueryShapes}), so on the local
 * store as on MongoDB its cost follows the student's (or
 * the advisor's school's) own data. The flow below goes through each path (other tests of this JVM add theirs);
 * every filter recorded is checked against the indexes listed here.
 */
@ReminderServiceTest
class IndexCoverageIT {

    /** The unique indexes each collection must have, beside {@code _id}. */
    static final Map<String, Set<Set<String>>> INDEXES = Map.of(
            "letters", Set.of(Set.of("_id", "sequence")),
            "mentors", Set.of(Set.of("_id", "sequence")),
            "reminders", Set.of(Set.of("_id", "version")),
            "students", Set.of(Set.of("tenant", "_id")),
            "reminder_schedule", Set.of(Set.of("_id", "version"), Set.of("fireAt", "_id")));

    /** Scans that stay, and why they may. */
    static final Map<String, Set<Set<String>>> KNOWN_SCANS = Map.of(
            // The outbox sweep, every vouch.outbox.sweep-interval: not on a request's or an event's path.
            "reminders", Set.of(Set.of(QueryShapes.condition("pendingEvents.0")),
                    // The open-reminders gauge, every vouch.reminders.metrics.open-refresh: covered by the
                    // open_by_kind index on MongoDB, a scan in-process.
                    Set.of(QueryShapes.in("state"))));

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

    @Test
    void everyQueryIsServedByIdOrAUniqueIndex() {
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        String student = "student-" + UUID.randomUUID();
        StudentStream stream = new StudentStream(kafka, clock, "lakeside", student, group);
        String mentor = UUID.randomUUID().toString();
        stream.send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(UUID.randomUUID().toString(), mentor, clock.instant().plus(days(5)), clock.instant(), BOTH))
                .awaitApplied();
        scheduler.fireDue();
        ApiClient api = new ApiClient(port).as(TestTokens.student("lakeside", student));
        assertThat(api.get("/api/v1/reminders").status()).isEqualTo(200);
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor("lakeside", "advisor-" + UUID.randomUUID()));
        assertThat(advisor.get("/api/v1/advisor/at-risk").status()).isEqualTo(200);
        assertThat(advisor.get("/api/v1/reminders?studentId=" + student).status()).isEqualTo(200);

        INDEXES.forEach((collection, unique) -> assertThat(QueryShapes.uniqueIndexes(mongo.getDb(), collection))
                .as("unique indexes of %s", collection).containsAll(unique));
        QueryShapes.recorded(mongo.getDb().getName()).forEach((collection, shapes) -> {
            Set<Set<String>> served = QueryShapes.uniqueIndexes(mongo.getDb(), collection);
            assertThat(shapes).as("query shapes on %s (served: %s)", collection, served)
                    .allMatch(shape -> QueryShapes.isServed(mongo.getDb(), collection, shape)
                            || KNOWN_SCANS.getOrDefault(collection, Set.of()).contains(shape));
        });
    }
}
