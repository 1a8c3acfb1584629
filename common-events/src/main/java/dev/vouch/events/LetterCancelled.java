package dev.vouch.events;

/** The student withdrew the request. Final. */
public record LetterCancelled(String letterId, String mentorId) implements LetterEvent {
}
