package dev.vouch.mentor.letters;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection's guarded writes against the Mongo server, without Kafka in between. */
@VouchServiceTest
class MentorLettersProjectionIT {

    @Autowired
    MentorLettersProjection projection;
    @Autowired
    EventFactory events;

    final String student = "student-" + UUID.randomUUID();
    final String mentor = UUID.randomUUID().toString();

    EventEnvelope<VouchEvent> event(VouchEvent letter, long sequence) {
        return events.envelope(letter, "med-school", student, sequence);
    }

    LetterRequested requested(String letterId, boolean planned) {
        return new LetterRequested(letterId, mentor, LetterPurpose.RESIDENCY, List.of(), Instant.parse("2027-01-15T17:00:00Z"),
                true, Set.of(), planned, false, planned ? null : Instant.parse("2026-11-01T10:00:00Z"));
    }

    LetterHistory history() {
        return projection.historyOf("med-school", student, List.of(mentor)).getOrDefault(mentor, LetterHistory.NONE);
    }

    @Test
    void duplicatesInsideOneBatchAndAcrossBatchesApplyOnce() {
        String l1 = "l1-" + UUID.randomUUID();
        String l2 = "l2." + UUID.randomUUID(); // a dot, which MongoDB would read as a path
        List<EventEnvelope<VouchEvent>> batch = List.of(
                event(requested(l1, true), 1),
                event(requested(l1, false), 2),
                event(requested(l1, false), 2),
                event(new LetterAccepted(l1, mentor), 3),
                event(requested(l2, false), 1),
                event(new LetterDeadlineChanged(l2, mentor, null, Instant.parse("2027-02-01T17:00:00Z")), 2),
                event(new LetterAccepted(l1, mentor), 3));

        assertThat(projection.apply(batch)).as("two asks, an acceptance, a second letter, its deadline").isEqualTo(5);
        assertThat(history()).isEqualTo(new LetterHistory(2, 2, 1, 0, 0));
        assertThat(projection.lettersOf(List.of(MentorLetters.key("med-school", student, mentor))).get(0).letters()
                .get(MentorLetters.field(l2)).deadline()).isEqualTo(Instant.parse("2027-02-01T17:00:00Z"));

        assertThat(projection.apply(batch)).isZero();
        assertThat(history()).isEqualTo(new LetterHistory(2, 2, 1, 0, 0));

        projection.apply(List.of(event(new LetterSubmitted(l1, mentor), 4), event(new LetterCancelled(l2, mentor), 3)));
        assertThat(history()).isEqualTo(new LetterHistory(2, 0, 1, 0, 1));
        projection.apply(List.of(event(new LetterAccepted(l1, mentor), 3)));
        assertThat(history()).isEqualTo(new LetterHistory(2, 0, 1, 0, 1));
    }

    @Test
    void lettersOfAnotherTenantNeverCountForThisStudent() {
        String letter = UUID.randomUUID().toString();
        EventEnvelope<VouchEvent> elsewhere = events.envelope((VouchEvent) requested(letter, false), "other-school",
                student, 1);

        projection.apply(List.of(elsewhere));

        assertThat(projection.historyOf("med-school", student, List.of(mentor))).isEqualTo(Map.of());
        assertThat(projection.historyOf("other-school", student, List.of(mentor)).get(mentor).asked()).isEqualTo(1);
    }
}
