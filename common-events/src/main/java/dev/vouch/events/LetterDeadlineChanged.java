package dev.vouch.events;

import java.time.Instant;

/** The letter's deadline moved, from {@code previousDeadline} to {@code deadline}. */
public record LetterDeadlineChanged(
        String letterId,
        String mentorId,
        Instant previousDeadline,
        Instant deadline) implements LetterEvent {
}
