package dev.vouch.request.letter;

import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.QueryShapes;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query request-service sends on a request's or an event's path is served by {@code _id} or by a unique
 * index (its exact fields, its leading fields, or a bound on them: see {@link QueryShapes}), so on the local
 * store as on MongoDB its cost follows the student's own
 * records. The flow below goes through each path (other tests of this JVM add theirs); every filter recorded is
 * checked against the indexes listed here.
 */
@VouchServiceTest
class IndexCoverageIT {

    /** The unique indexes each collection must have, beside {@code _id}. */
    static final Map<String, Set<Set<String>>> INDEXES = Map.of(
            "letters", Set.of(Set.of("_id", "version"), Set.of("tenant", "studentId", "_id")),
            "targets", Set.of(Set.of("_id", "version"), Set.of("tenant", "studentId", "_id")),
            "mentor_directory", Set.of(Set.of("_id", "sequence")));

    /** Scans that stay, and why they may. */
    static final Map<String, Set<Set<String>>> KNOWN_SCANS = Map.of(
            // The outbox sweep, every vouch.outbox.sweep-interval: not on a request's or an event's path.
            "letters", Set.of(Set.of(QueryShapes.condition("pendingEvents.0"))),
            // Likewise for targets, whose coverage announcements go out through the same outbox.
            "targets", Set.of(Set.of(QueryShapes.condition("pendingEvents.0"))));

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MentorDirectory directory;
    @Autowired
    Environment environment;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;

    @Test
    void everyQueryIsServedByIdOrAUniqueIndex() {
        String student = "student-" + UUID.randomUUID();
        MentorFeed mentors = new MentorFeed(kafka, events, directory, environment);
        ApiClient api = new ApiClient(port).as(TestTokens.student("med-school", student));
        String mentor = mentors.addMentor("med-school", student);
        ApiClient.Response created = api.post("/api/v1/letters",
                LetterBody.valid(mentor, clock.instant().plus(Duration.ofDays(30))).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String letter = created.json().get("id").asString();
        assertThat(api.get("/api/v1/letters").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/letters?status=REQUESTED&mentorId=" + mentor).status()).isEqualTo(200);
        assertThat(api.withHeader("If-Match", "\"1\"").post("/api/v1/letters/" + letter + "/status",
                "{\"status\":\"ACCEPTED\"}").status()).isEqualTo(200);
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor("med-school", "advisor-" + UUID.randomUUID()));
        assertThat(advisor.get("/api/v1/letters?studentId=" + student).status()).isEqualTo(200);
        mentors.archive("med-school", student, mentor);

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
