package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.reminder.projection.Letter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.planned;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static dev.vouch.reminder.Facts.TENANT;
import static dev.vouch.reminder.Facts.STUDENT;
import static org.assertj.core.api.Assertions.assertThat;

class AskEarlyRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final AskEarlyRule rule = new AskEarlyRule(ReminderDefaults.policy());

    @Test
    void aRequestWithLessThanThirtyDaysIsFlaggedAtOnce() {
        Letter letter = requestedLetter("L1", "M1", T0, 20, BOTH);

        Verdict shortNotice = verdict(letter, ReminderIds.SHORT_NOTICE);

        assertThat(shortNotice.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(shortNotice.dueAt()).isEqualTo(T0);
        assertThat(shortNotice.reminderId()).isEqualTo("ASK_EARLY:L1:short-notice");
    }

    @Test
    void thirtyDaysOrMoreIsEnoughNotice() {
        assertThat(verdict(requestedLetter("L1", "M1", T0, 30, BOTH), ReminderIds.SHORT_NOTICE).condition())
                .isEqualTo(Condition.NOT_APPLICABLE);
    }

    @Test
    void theShortNoticeFlagClearsWhenTheLetterIsSubmittedOrCancelled() {
        Letter letter = requestedLetter("L1", "M1", T0, 10, BOTH);

        assertThat(verdict(letter.apply(new LetterSubmitted("L1", "M1"), stamp(T0.plus(days(5)), 2)), ReminderIds.SHORT_NOTICE)
                .condition()).isEqualTo(Condition.CLEARED);
        assertThat(verdict(letter.apply(new LetterCancelled("L1", "M1"), stamp(T0.plus(days(5)), 2)), ReminderIds.SHORT_NOTICE)
                .condition()).isEqualTo(Condition.CLEARED);
    }

    @Test
    void aPlannedLetterNotAskedForSixWeeksBeforeItsDeadlineIsFlagged() {
        Instant deadline = T0.plus(days(90));
        Letter letter = Letter.unknown("L1", TENANT, STUDENT).apply(planned("L1", "M1", deadline), stamp(T0, 1));

        Verdict planned = verdict(letter, ReminderIds.PLANNED);

        assertThat(planned.condition()).isEqualTo(Condition.ACTIVE);
        assertThat(planned.dueAt()).isEqualTo(deadline.minus(Duration.ofDays(42)));
        assertThat(verdict(letter, ReminderIds.SHORT_NOTICE).condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    @Test
    void aPlannedLetterAlreadyInsideSixWeeksIsDueAtOnce() {
        Letter letter = Letter.unknown("L1", TENANT, STUDENT).apply(planned("L1", "M1", T0.plus(days(20))), stamp(T0, 1));

        assertThat(verdict(letter, ReminderIds.PLANNED).isDueBy(T0)).isTrue();
    }

    @Test
    void makingTheRequestClearsThePlannedFlag() {
        Instant deadline = T0.plus(days(90));
        Letter letter = Letter.unknown("L1", TENANT, STUDENT).apply(planned("L1", "M1", deadline), stamp(T0, 1))
                .apply(requested("L1", "M1", deadline, T0.plus(days(50)), BOTH), stamp(T0.plus(days(50)), 2));

        assertThat(verdict(letter, ReminderIds.PLANNED).condition()).isEqualTo(Condition.CLEARED);
    }

    @Test
    void shortNoticeIsWhatTheLettersOwnerPublished() {
        // request-service decides short notice (its vouch.letters.short-notice) and says so in LetterRequested.
        Instant deadline = T0.plus(days(40));
        Letter flagged = Letter.unknown("L1", TENANT, STUDENT).apply(new LetterRequested("L1", "M1",
                LetterPurpose.RESIDENCY, List.of(), deadline, true, BOTH, false, true, T0), stamp(T0, 1));
        Letter notFlagged = requestedLetter("L2", "M1", T0, 20, BOTH).apply(new LetterRequested("L2", "M1",
                LetterPurpose.RESIDENCY, List.of(), T0.plus(days(20)), true, BOTH, false, false, T0), stamp(T0, 2));

        assertThat(verdict(flagged, ReminderIds.SHORT_NOTICE).condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict(notFlagged, ReminderIds.SHORT_NOTICE).condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    private Verdict verdict(Letter letter, String variant) {
        return rule.evaluate(letter, null).stream().filter(v -> variant.equals(v.variant())).findFirst().orElseThrow();
    }
}
