package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.reminder.projection.Letter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlineApproachingRuleTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final DeadlineApproachingRule rule = new DeadlineApproachingRule(ReminderDefaults.policy());

    @Test
    void oneReminderPerThresholdDueThatManyDaysBeforeTheDeadline() {
        Instant deadline = T0.plus(days(30));
        Map<Integer, Verdict> verdicts = byThreshold(requestedLetter("L1", "M1", T0, 30, BOTH));

        assertThat(verdicts).containsOnlyKeys(14, 7, 3, 1);
        verdicts.forEach((days, verdict) -> {
            assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
            assertThat(verdict.dueAt()).isEqualTo(deadline.minus(days(days)));
            assertThat(verdict.reminderId()).isEqualTo("DEADLINE_APPROACHING:L1:" + days);
            assertThat(verdict.deadline()).isEqualTo(deadline);
        });
    }

    @Test
    void onlyTheNearestThresholdAlreadyPassedOnArrivalIsDueAtOnce() {
        Map<Integer, Verdict> verdicts = byThreshold(requestedLetter("L1", "M1", T0, 5, BOTH));

        assertThat(verdicts.get(14).condition()).isEqualTo(Condition.NOT_APPLICABLE);
        assertThat(verdicts.get(7).isDueBy(T0)).isTrue();
        assertThat(verdicts.get(3).condition()).isEqualTo(Condition.ACTIVE);
        assertThat(verdicts.get(3).isDueBy(T0)).isFalse();
        assertThat(verdicts.get(1).isDueBy(T0)).isFalse();
    }

    @Test
    void aDeadlineMovedLaterReArmsEveryThresholdAtItsNewTime() {
        Letter letter = requestedLetter("L1", "M1", T0, 5, BOTH);
        Instant later = T0.plus(days(25));
        Letter moved = letter.apply(new LetterDeadlineChanged("L1", "M1", letter.deadline(), later), stamp(T0.plus(days(1)), 2));

        Map<Integer, Verdict> verdicts = byThreshold(moved);

        verdicts.forEach((days, verdict) -> {
            assertThat(verdict.condition()).isEqualTo(Condition.ACTIVE);
            assertThat(verdict.dueAt()).isEqualTo(later.minus(days(days)));
        });
    }

    @Test
    void aDeadlineMovedEarlierMakesTheNearestPassedThresholdDueAtOnce() {
        Letter letter = requestedLetter("L1", "M1", T0, 30, BOTH);
        Instant movedAt = T0.plus(days(2));
        Letter moved = letter.apply(new LetterDeadlineChanged("L1", "M1", letter.deadline(), movedAt.plus(days(2))),
                stamp(movedAt, 2));

        Map<Integer, Verdict> verdicts = byThreshold(moved);

        assertThat(verdicts.get(14).condition()).isEqualTo(Condition.NOT_APPLICABLE);
        assertThat(verdicts.get(7).condition()).isEqualTo(Condition.NOT_APPLICABLE);
        assertThat(verdicts.get(3).isDueBy(movedAt)).isTrue();
        assertThat(verdicts.get(1).isDueBy(movedAt)).isFalse();
    }

    @Test
    void submittingOrCancellingClearsEveryThreshold() {
        Letter letter = requestedLetter("L1", "M1", T0, 30, BOTH);

        assertThat(byThreshold(letter.apply(new LetterSubmitted("L1", "M1"), stamp(T0.plus(days(20)), 2))).values())
                .extracting(Verdict::condition).containsOnly(Condition.CLEARED);
        assertThat(byThreshold(letter.apply(new LetterCancelled("L1", "M1"), stamp(T0.plus(days(20)), 2))).values())
                .extracting(Verdict::condition).containsOnly(Condition.CLEARED);
    }

    @Test
    void aDeadlineAlreadyGoneIsLeftToOverdue() {
        Letter letter = requestedLetter("L1", "M1", T0, 10, BOTH);
        Letter moved = letter.apply(new LetterDeadlineChanged("L1", "M1", letter.deadline(), T0.minus(days(1))),
                stamp(T0.plus(days(1)), 2));

        assertThat(byThreshold(moved).values()).extracting(Verdict::condition).containsOnly(Condition.NOT_APPLICABLE);
    }

    @Test
    void thresholdsAreConfigurable() {
        ReminderPolicy policy = ReminderDefaults.policy();
        DeadlineApproachingRule custom = new DeadlineApproachingRule(new ReminderPolicy(policy.askEarlyPlanLead(),
                policy.noResponseAfter(), policy.missingMaterialsAfter(), policy.requiredMaterials(), List.of(2, 10),
                policy.thankYouAfter(), policy.defaultStayInTouchDays(), policy.atRiskWindow()));

        assertThat(custom.reminderIds("L1")).containsExactly("DEADLINE_APPROACHING:L1:10", "DEADLINE_APPROACHING:L1:2");
        assertThat(custom.evaluate(requestedLetter("L1", "M1", T0, 30, BOTH), null)).extracting(Verdict::daysBefore)
                .containsExactly(10, 2);
    }

    private Map<Integer, Verdict> byThreshold(Letter letter) {
        return rule.evaluate(letter, null).stream().collect(Collectors.toMap(Verdict::daysBefore, v -> v));
    }
}
