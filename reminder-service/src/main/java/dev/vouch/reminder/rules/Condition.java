package dev.vouch.reminder.rules;

/** A rule's verdict on one reminder, given what is known now. */
public enum Condition {
    /** The condition holds: the reminder is due at its due time. */
    ACTIVE,
    /** It held and has cleared (the letter was submitted, a contact was logged, ...). */
    CLEARED,
    /** It does not apply (never did, or no longer: a threshold overtaken by a nearer one). */
    NOT_APPLICABLE;

    public boolean isActive() {
        return this == ACTIVE;
    }
}
