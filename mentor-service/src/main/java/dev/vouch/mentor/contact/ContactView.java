package dev.vouch.mentor.contact;

import dev.vouch.events.ContactType;

import java.time.Instant;

/** A contact as the API shows it. */
public record ContactView(String id, String mentorId, ContactType type, Instant occurredAt, String notes,
                          Instant loggedAt) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.id(), contact.mentorId(), contact.type(), contact.occurredAt(), contact.notes(),
                contact.loggedAt());
    }
}
