package dev.vouch.events;

import java.time.Instant;

/** The student logged a contact with a mentor. Notes stay in mentor-service; only the fact travels. */
public record ContactLogged(
        String mentorId,
        String contactId,
        ContactType type,
        Instant occurredAt) implements MentorEvent {
}
