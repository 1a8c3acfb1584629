package dev.vouch.mentor.mentor;

import dev.vouch.events.ContactType;

import java.time.Instant;

/**
 * A contact as the mentor's own document keeps it among its most recent ones. It is written in the same
 * single-document write as the contact counters and the {@code ContactLogged} event, so none of the three can
 * exist without the others; the contact history collection is then filled from here.
 */
public record ContactEntry(String id, ContactType type, Instant occurredAt, String notes, Instant loggedAt) {
}
