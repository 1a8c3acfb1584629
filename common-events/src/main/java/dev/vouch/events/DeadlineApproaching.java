package dev.vouch.events;

import java.time.Instant;

/** A letter is not submitted and its deadline is {@code daysBefore} days away (14, 7, 3 or 1 by default). */
public record DeadlineApproaching(
        String reminderId,
        String letterId,
        String mentorId,
        Instant deadline,
        int daysBefore) implements ReminderEvent {
}
