package dev.vouch.events;

/** The writer declined. Final: no follow-ups for this letter. */
public record LetterDeclined(String letterId, String mentorId) implements LetterEvent {
}
