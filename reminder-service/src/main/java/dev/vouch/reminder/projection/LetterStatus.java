package dev.vouch.reminder.projection;

/** Where a letter request stands, as far as the event stream says. */
public enum LetterStatus {
    /** Recorded, not yet asked for. */
    PLANNED,
    REQUESTED,
    ACCEPTED,
    DECLINED,
    SUBMITTED,
    CANCELLED;

    /** Nothing more will happen to the letter: its follow-ups stop (a thank-you may still be owed). */
    public boolean isFinal() {
        return this == DECLINED || this == SUBMITTED || this == CANCELLED;
    }

    /** Still on its way: planned, asked for or accepted. */
    public boolean isOpen() {
        return !isFinal();
    }
}
