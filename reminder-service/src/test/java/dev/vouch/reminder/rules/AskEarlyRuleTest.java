package dev.vouch.reminder.rules;

import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.LetterCancelled;
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
    final AskEarlyRule rule = new AskEarlyRule(ReminderPolicy.defaults());

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
    void theNoticeIsConfigurable() {
        AskEarlyRule stricter = new AskEarlyRule(new ReminderPolicy(Duration.ofDays(45), Duration.ofDays(42),
                Duration.ofDays(14), Duration.ofDays(2), BOTH, List.of(14, 7, 3, 1), Duration.ofDays(3), 90,
                Duration.ofDays(7)));

        Letter letter = requestedLetter("L1", "M1", T0, 40, BOTH);

        assertThat(stricter.evaluate(letter, null).get(1).condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdict(letter, ReminderIds.SHORT_NOTICE).condition()).isEqualTo(Condition.NOT_APPLICABLE);
    }

    private Verdict verdict(Letter letter, String variant) {
        return rule.evaluate(letter, null).stream().filter(v -> variant.equals(v.variant())).findFirst().orElseThrow();
    }
}
