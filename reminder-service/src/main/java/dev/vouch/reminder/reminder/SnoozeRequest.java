package dev.vouch.reminder.reminder;

import java.time.Instant;

/** {@code {"until": "2027-01-10T09:00:00Z"}}: when the reminder should fire again; must be in the future. */
public record SnoozeRequest(Instant until) {
}
