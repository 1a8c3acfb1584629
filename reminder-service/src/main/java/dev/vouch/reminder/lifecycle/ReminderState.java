package dev.vouch.reminder.lifecycle;

/**
 * Where a reminder stands for the student.
 * <ul>
 *   <li>UPCOMING: in the list only, when asked for: not fired yet in its current cycle, so nothing to act on
 *       yet; {@code dueAt} says when it will be. Never stored.</li>
 *   <li>OPEN: due (it fired) and waiting for the student.</li>
 *   <li>SNOOZED: the student put it off until a later time; it fires again then.</li>
 *   <li>DONE, DISMISSED: closed by the student.</li>
 *   <li>RESOLVED: closed because its condition cleared (or, for a reminder that had fired before, because a
 *       new cycle began: it fires again when that cycle is due).</li>
 * </ul>
 */
public enum ReminderState {
    UPCOMING,
    OPEN,
    SNOOZED,
    DONE,
    DISMISSED,
    RESOLVED;

    /** Waiting for the student: the only states a student can act on. */
    public boolean isActionable() {
        return this == OPEN || this == SNOOZED;
    }
}
