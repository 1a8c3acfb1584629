package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
/** A change to the deadline or materials of a letter whose status is final. */
public class LetterClosedException extends LetterStateException {

    public LetterClosedException(LetterStatus current) {
        super(current, "The letter is " + current + ", which is final: its deadline and materials no longer change");
    }
}
