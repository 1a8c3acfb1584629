package dev.vouch.events;

import java.util.Optional;

/**
 * Where a letter request stands, as its events tell it. The one vocabulary of letter status: request-service
 * keeps it on the letter, and every subscriber folds the same events into it with {@link #after}. Each
 * service names what it needs of it (a writer's load, a letter still on its way) where it needs it.
 */
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

    /** Nothing more happens to a final letter: it never moves again. */
    public boolean isFinal() {
        return this == DECLINED || this == SUBMITTED || this == CANCELLED;
    }

    /** Whether being here shows that the writer was asked (a cancelled letter may or may not have been). */
    public boolean showsAsked() {
        return this == REQUESTED || this == ACCEPTED || this == DECLINED || this == SUBMITTED;
    }

    /** The status a letter is in after {@code event}; empty for events that do not move it (deadline, materials). */
    public static Optional<LetterStatus> after(LetterEvent event) {
        LetterStatus status = null;
        if (event instanceof LetterRequested requested) {
            status = requested.planned() ? PLANNED : REQUESTED;
        } else if (event instanceof LetterAccepted) {
            status = ACCEPTED;
        } else if (event instanceof LetterDeclined) {
            status = DECLINED;
        } else if (event instanceof LetterSubmitted) {
            status = SUBMITTED;
        } else if (event instanceof LetterCancelled) {
            status = CANCELLED;
        }
        return Optional.ofNullable(status);
    }
}
