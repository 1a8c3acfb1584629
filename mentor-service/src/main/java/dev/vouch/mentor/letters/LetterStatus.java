package dev.vouch.mentor.letters;

/** Where a letter asked of a mentor stands, as far as this service needs to know. */
public enum LetterStatus {
    /** Recorded by the student, not asked for yet. */
    PLANNED,
    /** Asked for; the writer has not answered. */
    REQUESTED,
    ACCEPTED,
    DECLINED,
    SUBMITTED,
    CANCELLED;

    /** Asked of the writer and not finished: what counts as their current load. */
    public boolean isOpen() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
