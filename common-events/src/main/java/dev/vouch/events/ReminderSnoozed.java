package dev.vouch.events;

import java.time.Instant;

/** The student put a due reminder off: it is due again at {@code until}, when a new ReminderDue follows. */
public record ReminderSnoozed(
        String reminderId,
        ReminderKind kind,
        Instant until) implements ReminderEvent {
}
