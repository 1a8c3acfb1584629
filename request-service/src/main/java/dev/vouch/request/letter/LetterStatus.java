package dev.vouch.request.letter;

/** Where a letter request stands. Which moves are allowed is decided by {@link LetterLifecycle}. */
public enum LetterStatus {
    /** The student means to ask for this letter but has not asked yet. */
    PLANNED,
    /** Asked; the writer has not answered. */
    REQUESTED,
    /** The writer agreed to write. */
    ACCEPTED,
    /** The writer said no. Final. */
    DECLINED,
    /** The letter was submitted. Final. */
    SUBMITTED,
    /** The student called it off. Final. */
    CANCELLED;

    /** A final letter never moves again, and its deadline and materials no longer change. */
    public boolean isFinal() {
        return LetterLifecycle.movesFrom(this).isEmpty();
    }
}
