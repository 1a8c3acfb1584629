package dev.vouch.reminder.derivation;

import dev.vouch.events.ReminderEvent;
import dev.vouch.reminder.lifecycle.ReminderFacts;

import java.util.List;

/**
 * One reminder to write: whose it is, the version it was read at (0 for a new one), its new facts and the
 * events that announce the change.
 */
public record ReminderChange(String tenant, String studentId, long readVersion, ReminderFacts facts,
                             List<ReminderEvent> events) {

    public ReminderChange {
        events = List.copyOf(events);
    }

    public String id() {
        return facts.id();
    }
}
