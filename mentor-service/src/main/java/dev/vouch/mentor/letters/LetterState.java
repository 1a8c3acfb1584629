package dev.vouch.mentor.letters;

import dev.vouch.events.LetterStatus;
import java.time.Instant;

/**
 * One letter as the projection keeps it, under its letter id inside the mentor's document.
 *
 * @param deadline the letter's deadline as last announced (absent in documents projected before it was kept)
 * @param sequence the sequence of the last event applied: older or repeated events are not applied again
 */
public record LetterState(String letterId, LetterStatus status, Boolean asked, Instant deadline, Long sequence) {

    public LetterState(String letterId, LetterStatus status, Boolean asked, Long sequence) {
        this(letterId, status, asked, null, sequence);
    }

    public boolean wasAsked() {
        return Boolean.TRUE.equals(asked);
    }
}
