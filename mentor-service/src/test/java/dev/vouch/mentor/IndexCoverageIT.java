package dev.vouch.mentor;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.mentor.letters.MentorLettersProjection;
import dev.vouch.testsupport.QueryShapes;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query mentor-service sends on a request's or an event's path is served by {@code _id} or by a unique
 * index (its exact fields, its leading fields, or a bound on them: see {@link QueryShapes}), so on the local
 * store as on MongoDB its cost follows the student's own
 * records. The flow below goes through each path (other tests of this JVM add theirs); every filter recorded is
 * checked against the indexes listed here.
 */
@VouchServiceTest
class IndexCoverageIT {

    /** The unique indexes each collection must have, beside {@code _id}. */
    static final Map<String, Set<Set<String>>> INDEXES = Map.of(
            "mentors", Set.of(Set.of("_id", "version"), Set.of("tenant", "studentId", "_id")),
            // Made at start for every listed type, before anything is written there (this flow writes none).
            "writer_load", Set.of(Set.of("tenant", "studentId", "_id")),
            "mentor_letters", Set.of(Set.of("_id", "revision")),
            "contacts", Set.of(Set.of("tenant", "studentId", "mentorId", "occurredAt", "loggedAt", "_id")));

    /** Scans that stay, and why they may. */
    static final Map<String, Set<Set<String>>> KNOWN_SCANS = Map.of(
            // The outbox sweep, every vouch.outbox.sweep-interval: not on a request's or an event's path; and the
            // writer-key index's one-off fill, which reads the collection once.
            "mentors", Set.of(Set.of(QueryShapes.condition("pendingEvents.0")), Set.of()),
            // Likewise for the writers' load announcements, which go out through the same outbox.
            "writer_load", Set.of(Set.of(QueryShapes.condition("pendingEvents.0"))));

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MentorLettersProjection letters;
    @Autowired
    EventFactory events;

    @Test
    void everyQueryIsServedByIdOrAUniqueIndex() {
        Student student = Student.of(port);
        String mentor = student.addMentorNamed("Dr. Ana Rivera");
        student.addMentorNamed("Dr. Sam Okafor");
        assertThat(student.api().get("/api/v1/mentors").status()).isEqualTo(200);
        assertThat(student.api().get("/api/v1/mentors?q=rivera&status=ACTIVE").status()).isEqualTo(200);
        assertThat(student.logContact(mentor, "{\"type\":\"MEETING\",\"occurredAt\":\"2026-11-01T10:00:00Z\"}").status())
                .isEqualTo(201);
        assertThat(student.api().get("/api/v1/mentors/" + mentor + "/contacts").status()).isEqualTo(200);
        assertThat(student.api().get("/api/v1/mentors/ranking").status()).isEqualTo(200);
        String letter = UUID.randomUUID().toString();
        letters.apply(List.of(event(student, new LetterRequested(letter, mentor, LetterPurpose.RESIDENCY, List.of(),
                        Instant.parse("2027-01-15T17:00:00Z"), true, Set.of(), false, false, Instant.parse("2026-11-01T10:00:00Z")), 1),
                event(student, new LetterAccepted(letter, mentor), 2)));
        assertThat(student.api().delete("/api/v1/mentors/" + mentor).status()).isEqualTo(204);

        INDEXES.forEach((collection, unique) -> assertThat(QueryShapes.uniqueIndexes(mongo.getDb(), collection))
                .as("unique indexes of %s", collection).containsAll(unique));
        QueryShapes.recorded(mongo.getDb().getName()).forEach((collection, shapes) -> {
            Set<Set<String>> served = QueryShapes.uniqueIndexes(mongo.getDb(), collection);
            assertThat(shapes).as("query shapes on %s (served: %s)", collection, served)
                    .allMatch(shape -> QueryShapes.isServed(mongo.getDb(), collection, shape)
                            || KNOWN_SCANS.getOrDefault(collection, Set.of()).contains(shape));
        });
    }

    private EventEnvelope<VouchEvent> event(Student student, VouchEvent event, long sequence) {
        return events.envelope(event, student.tenant(), student.id(), sequence);
    }
}
