package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DEADLINE_APPROACHING: one reminder per threshold (14, 7, 3 and 1 days before the deadline by default), each
 * due at {@code deadline - threshold} while the letter is not submitted, declined or cancelled.
 *
 * <p>Thresholds already passed when the deadline was set (a letter asked for late, or a deadline moved
 * earlier) are due at once, but only the nearest of them: a letter 5 days from its deadline gets one
 * "due in 5 days" reminder (the 7-day one), not a 14-day one beside it. The farther ones do not apply. When
 * the deadline moves later, every threshold is due again at its new time; one that already fired starts a
 * new cycle (see the reminder lifecycle).
 */
public final class DeadlineApproachingRule implements LetterRule {

    private final ReminderPolicy policy;

    public DeadlineApproachingRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> reminderIds(String letterId) {
        return policy.deadlineThresholds().stream().map(days -> ReminderIds.deadline(letterId, days)).toList();
    }

    @Override
    public List<Verdict> evaluate(Letter letter, Mentor mentor) {
        List<Integer> thresholds = policy.deadlineThresholds();
        List<Verdict> verdicts = new ArrayList<>(thresholds.size());
        Instant deadline = letter.deadline();
        Instant setAt = letter.deadlineSetAt() != null ? letter.deadlineSetAt() : letter.requestedAt();
        Integer nearestPassed = null;
        if (deadline != null && setAt != null) {
            for (int days : thresholds) { // descending: the last one passed is the nearest
                if (due(deadline, days).isBefore(setAt)) {
                    nearestPassed = days;
                }
            }
        }
        for (int days : thresholds) {
            String id = ReminderIds.deadline(letter.id(), days);
            if (deadline == null) {
                verdicts.add(verdict(id, letter, Condition.NOT_APPLICABLE, null, days));
                continue;
            }
            Instant due = due(deadline, days);
            boolean passedOnArrival = setAt != null && due.isBefore(setAt);
            boolean deadlineGoneOnArrival = setAt != null && !deadline.isAfter(setAt); // OVERDUE says it all
            boolean overtaken = passedOnArrival && days != nearestPassed;
            Condition condition = overtaken || deadlineGoneOnArrival ? Condition.NOT_APPLICABLE
                    : letter.isOpen() ? Condition.ACTIVE : Condition.CLEARED;
            verdicts.add(verdict(id, letter, condition, due, days));
        }
        return verdicts;
    }

    private static Instant due(Instant deadline, int days) {
        return deadline.minus(Duration.ofDays(days));
    }

    private static Verdict verdict(String id, Letter letter, Condition condition, Instant due, int days) {
        return new Verdict(id, ReminderKind.DEADLINE_APPROACHING, condition, due, letter.id(), letter.mentorId(),
                letter.deadline(), days, null, false);
    }
}
