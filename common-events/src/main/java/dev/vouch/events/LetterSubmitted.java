package dev.vouch.events;

/** The writer submitted the letter. Final; a thank-you is now owed. */
public record LetterSubmitted(String letterId, String mentorId) implements LetterEvent {
}
