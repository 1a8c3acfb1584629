package dev.vouch.mentor.letters;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterEvent;

import java.util.Optional;

/**
 * What a letter event says about the letter's status. {@code asked} is true when the event shows the writer
 * was asked (a cancelled letter keeps whatever was known before). Deadline and materials changes say nothing
 * about the status and are not projected.
 */
public record LetterProgress(LetterStatus status, boolean asked) {

    public static Optional<LetterProgress> of(LetterEvent event) {
        return LetterStatus.after(event).map(status -> new LetterProgress(status, status.showsAsked()));
    }
}
