package dev.vouch.mentor.letters;

import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;

import java.util.Optional;

/**
 * What a letter event says about the letter's status. {@code asked} is true when the event shows the writer
 * was asked (a cancelled letter keeps whatever was known before). Deadline and materials changes say nothing
 * about the status and are not projected.
 */
public record LetterProgress(LetterStatus status, boolean asked) {

    public static Optional<LetterProgress> of(LetterEvent event) {
        if (event instanceof LetterRequested requested) {
            return Optional.of(requested.planned()
                    ? new LetterProgress(LetterStatus.PLANNED, false)
                    : new LetterProgress(LetterStatus.REQUESTED, true));
        }
        if (event instanceof LetterAccepted) {
            return Optional.of(new LetterProgress(LetterStatus.ACCEPTED, true));
        }
        if (event instanceof LetterDeclined) {
            return Optional.of(new LetterProgress(LetterStatus.DECLINED, true));
        }
        if (event instanceof LetterSubmitted) {
            return Optional.of(new LetterProgress(LetterStatus.SUBMITTED, true));
        }
        if (event instanceof LetterCancelled) {
            return Optional.of(new LetterProgress(LetterStatus.CANCELLED, false));
        }
        return Optional.empty();
    }
}
