package dev.vouch.mentor.letters;

import dev.vouch.events.LetterStatus;
/**
 * One letter as the projection keeps it, under its letter id inside the mentor's document.
 *
 * @param sequence the sequence of the last event applied: older or repeated events are not applied again
 */
public record LetterState(String letterId, LetterStatus status, Boolean asked, Long sequence) {

    public boolean wasAsked() {
        return Boolean.TRUE.equals(asked);
    }
}
