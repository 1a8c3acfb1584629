package dev.vouch.events;

/** The writer agreed to write the letter. */
public record LetterAccepted(String letterId, String mentorId) implements LetterEvent {
}
