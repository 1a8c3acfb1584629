package dev.vouch.events;

/** Why a reminder closed. */
public enum ReminderResolution {
    /** What the reminder asked for happened (the letter was submitted, a contact was logged, ...). */
    CONDITION_CLEARED,
    DONE,
    DISMISSED
}
