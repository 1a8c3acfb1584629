package dev.vouch.events;

import java.time.Instant;

/**
 * A follow-up is due now. {@code letterId} or {@code mentorId} may be absent depending on the kind.
 * {@code escalateToAdvisor} is set for overdue letters.
 */
public record ReminderDue(
        String reminderId,
        ReminderKind kind,
        String letterId,
        String mentorId,
        Instant dueAt,
        String title,
        String message,
        boolean escalateToAdvisor) implements ReminderEvent {
}
