package dev.vouch.events;

/** Events of derived follow-ups, published on {@link Topics#REMINDERS}. */
public sealed interface ReminderEvent extends VouchEvent
        permits DeadlineApproaching, ReminderDue, ReminderResolved, ReminderSnoozed {

    /** Deterministic: the same letter or mentor, kind and threshold always give the same id. */
    String reminderId();

    @Override
    default String subject() {
        return reminderId();
    }
}
