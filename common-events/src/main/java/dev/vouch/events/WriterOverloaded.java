package dev.vouch.events;

import java.time.Instant;

/**
 * A writer crossed the load threshold: {@code dueWithin14Days} of their open letters, across all students of the
 * institution, are due within 14 days, and that is at least {@code threshold}. Counts only, no student ids.
 */
public record WriterOverloaded(
        String writerId,
        String name,
        int openLetters,
        int dueWithin14Days,
        int threshold,
        Instant earliestDeadline) implements WriterEvent {
}
