package dev.vouch.reminder.lifecycle;

import dev.vouch.events.ReminderResolution;

import java.time.Instant;

/**
 * The one function from a reminder's facts to where it stands. A cycle is identified by its due time: a firing,
 * a close or a snooze at or after it belongs to the current cycle. A new cycle (the due time moving past the
 * last firing: a deadline moved later, a contact after a stay-in-touch fired) resolves the reminder (announced
 * if it had been announced) and fires it again when due.
 */
public final class ReminderCycle {

    private ReminderCycle() {
    }

    public static ReminderState stateOf(ReminderFacts facts) {
        if (isClosedThisCycle(facts)) {
            return facts.closedAs() == ReminderResolution.DISMISSED ? ReminderState.DISMISSED : ReminderState.DONE;
        }
        if (isConditionHolding(facts) && hasFiredThisCycle(facts)) {
            return isSnoozedThisCycle(facts) ? ReminderState.SNOOZED : ReminderState.OPEN;
        }
        return ReminderState.RESOLVED;
    }

    /** Whether it fired in the current cycle. */
    public static boolean hasFiredThisCycle(ReminderFacts facts) {
        return inCycle(facts.firedAt(), facts.dueAt());
    }

    /** Whether the student closed the current cycle (done, dismissed), after any snooze of it. */
    public static boolean isClosedThisCycle(ReminderFacts facts) {
        return inCycle(facts.closedAt(), facts.dueAt())
                && (facts.snoozedAt() == null || !facts.closedAt().isBefore(facts.snoozedAt()));
    }

    /**
     * Whether a cycle due at {@code dueAt} (the rules' latest verdict) has neither fired nor been closed yet, so
     * the reminder shows as coming up again.
     */
    public static boolean isComingUp(ReminderFacts facts, Instant dueAt) {
        return !inCycle(facts.firedAt(), dueAt) && !inCycle(facts.closedAt(), dueAt);
    }

    static Instant nextFireAt(ReminderFacts facts) {
        if (!isConditionHolding(facts) || isClosedThisCycle(facts)) {
            return null;
        }
        if (!hasFiredThisCycle(facts)) {
            return facts.condition() == null ? null : facts.dueAt();
        }
        return isSnoozedThisCycle(facts) ? facts.snoozedUntil() : null;
    }

    /**
     * Whether subscribers still have to hear that it resolved: it fired, nothing closed that firing since, and
     * now it is resolved (its condition cleared, or a new cycle began).
     */
    static boolean owesResolution(ReminderFacts facts) {
        Instant fired = facts.firedAt();
        return fired != null && stateOf(facts) == ReminderState.RESOLVED
                && (facts.resolutionAnnouncedAt() == null || facts.resolutionAnnouncedAt().isBefore(fired))
                && (facts.closedAt() == null || facts.closedAt().isBefore(fired));
    }

    private static boolean isSnoozedThisCycle(ReminderFacts facts) {
        Instant snoozedAt = facts.snoozedAt();
        return snoozedAt != null && facts.snoozedUntil() != null && inCycle(snoozedAt, facts.dueAt())
                && (facts.closedAt() == null || facts.closedAt().isBefore(snoozedAt))
                && facts.firedAt() != null && !facts.firedAt().isAfter(snoozedAt);
    }

    private static boolean isConditionHolding(ReminderFacts facts) {
        return facts.condition() == null || facts.condition().isActive();
    }

    private static boolean inCycle(Instant at, Instant dueAt) {
        return at != null && (dueAt == null || !at.isBefore(dueAt));
    }
}
