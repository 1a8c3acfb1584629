package dev.vouch.reminder.projection;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterSubmitted;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.STUDENT;
import static dev.vouch.reminder.Facts.TENANT;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.planned;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class LetterTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final Instant deadline = T0.plus(days(40));
    final Letter asked = Letter.unknown("L1", TENANT, STUDENT).apply(requested("L1", "M1", deadline, T0, BOTH), stamp(T0, 1));

    @Test
    void aRequestFillsInTheLetter() {
        assertThat(asked.status()).isEqualTo(LetterStatus.REQUESTED);
        assertThat(asked.deadline()).isEqualTo(deadline);
        assertThat(asked.deadlineSetAt()).isEqualTo(T0);
        assertThat(asked.requestedAt()).isEqualTo(T0);
        assertThat(asked.mentorId()).isEqualTo("M1");
        assertThat(asked.materials()).isEqualTo(BOTH);
        assertThat(asked.sequence()).isEqualTo(1);
    }

    @Test
    void aDuplicateOrALateCopyChangesNothing() {
        Letter accepted = asked.apply(new LetterAccepted("L1", "M1"), stamp(T0.plus(days(1)), 2));

        assertThat(accepted.apply(new LetterAccepted("L1", "M1"), stamp(T0.plus(days(2)), 2))).isSameAs(accepted);
        assertThat(accepted.apply(requested("L1", "M1", deadline, T0, BOTH), stamp(T0, 1))).isSameAs(accepted);
        assertThat(accepted.status()).isEqualTo(LetterStatus.ACCEPTED);
    }

    @Test
    void eventsOfAnotherStudentUnderTheSameIdAreIgnored() {
        assertThat(asked.apply(new LetterSubmitted("L1", "M1"), new Stamp(TENANT, "someone-else", 2, T0))).isSameAs(asked);
        assertThat(asked.apply(new LetterSubmitted("L1", "M1"), new Stamp("other-school", STUDENT, 2, T0))).isSameAs(asked);
    }

    @Test
    void aPlannedLetterKeepsWhenItWasPlannedOnceAskedFor() {
        Letter plannedLetter = Letter.unknown("L1", TENANT, STUDENT).apply(planned("L1", "M1", deadline), stamp(T0, 1));
        Letter nowAsked = plannedLetter.apply(requested("L1", "M1", deadline, T0.plus(days(3)), BOTH), stamp(T0.plus(days(3)), 2));

        assertThat(plannedLetter.status()).isEqualTo(LetterStatus.PLANNED);
        assertThat(plannedLetter.requestedAt()).isNull();
        assertThat(nowAsked.plannedAt()).isEqualTo(T0);
        assertThat(nowAsked.requestedAt()).isEqualTo(T0.plus(days(3)));
        assertThat(nowAsked.deadlineSetAt()).as("same deadline: not moved").isEqualTo(T0);
    }

    @Test
    void aMovedDeadlineRemembersWhenItMoved() {
        Letter moved = asked.apply(new LetterDeadlineChanged("L1", "M1", deadline, deadline.plus(days(7))), stamp(T0.plus(days(5)), 2));

        assertThat(moved.deadline()).isEqualTo(deadline.plus(days(7)));
        assertThat(moved.deadlineSetAt()).isEqualTo(T0.plus(days(5)));
    }

    @Test
    void submissionIsFinal() {
        Letter submitted = asked.apply(new LetterSubmitted("L1", "M1"), stamp(T0.plus(days(9)), 2));

        assertThat(submitted.isSubmitted()).isTrue();
        assertThat(submitted.isOpen()).isFalse();
        assertThat(submitted.submittedAt()).isEqualTo(T0.plus(days(9)));
    }
}
