package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
/** A change the letter's current status forbids. Nothing was changed. */
public abstract class LetterStateException extends RuntimeException {

    private final LetterStatus currentStatus;

    protected LetterStateException(LetterStatus currentStatus, String message) {
        super(message);
        this.currentStatus = currentStatus;
    }

    public LetterStatus currentStatus() {
        return currentStatus;
    }
}
