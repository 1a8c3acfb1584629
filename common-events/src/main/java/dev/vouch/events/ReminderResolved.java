package dev.vouch.events;

/** A reminder closed: its condition cleared, or the student marked it done or dismissed it. */
public record ReminderResolved(
        String reminderId,
        ReminderKind kind,
        ReminderResolution resolution) implements ReminderEvent {
}
