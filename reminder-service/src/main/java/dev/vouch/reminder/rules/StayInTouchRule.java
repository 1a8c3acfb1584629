package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Mentor;

/**
 * STAY_IN_TOUCH: an active mentor with no contact for their cadence (90 days unless the mentor carries their
 * own). Any contact moves the due time to {@code last contact + cadence}; archiving the mentor clears it.
 */
public final class StayInTouchRule {

    private final ReminderPolicy policy;

    public StayInTouchRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    public String reminderId(String mentorId) {
        return ReminderIds.of(ReminderKind.STAY_IN_TOUCH, mentorId);
    }

    /** Null while only a placeholder of the mentor is known (a letter arrived before the mentor). */
    public Verdict evaluate(Mentor mentor) {
        if (!mentor.known()) {
            return null;
        }
        String id = reminderId(mentor.id());
        if (mentor.lastTouch() == null) {
            return new Verdict(id, ReminderKind.STAY_IN_TOUCH, Condition.NOT_APPLICABLE, null, null, mentor.id(),
                    null, null, null, false);
        }
        Condition condition = mentor.isActive() ? Condition.ACTIVE : Condition.CLEARED;
        return new Verdict(id, ReminderKind.STAY_IN_TOUCH, condition,
                mentor.lastTouch().plus(policy.stayInTouchCadence(mentor.stayInTouchDays())), null, mentor.id(), null,
                null, null, false);
    }
}
