package dev.vouch.mentor.contact;

import dev.vouch.events.ContactType;
import dev.vouch.kit.security.StudentOwned;
import dev.vouch.mentor.mentor.ContactEntry;
import dev.vouch.mentor.mentor.Mentor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One entry of the contact history: the whole log, newest first, is read from here. */
@Document(Contact.COLLECTION)
// A mentor's page in the order the history lists it; unique with its _id, so the local store serves it too.
@CompoundIndex(name = "contact_page", unique = true,
        def = "{'tenant': 1, 'studentId': 1, 'mentorId': 1, 'occurredAt': -1, 'loggedAt': -1, '_id': 1}")
public record Contact(
        @Id String id,
        String mentorId,
        String tenant,
        String studentId,
        ContactType type,
        Instant occurredAt,
        String notes,
        Instant loggedAt) implements StudentOwned {

    public static final String COLLECTION = "contacts";

    static Contact of(Mentor mentor, ContactEntry entry) {
        return new Contact(entry.id(), mentor.getId(), mentor.getTenant(), mentor.getStudentId(), entry.type(),
                entry.occurredAt(), entry.notes(), entry.loggedAt());
    }

    @Override
    public String getTenant() {
        return tenant;
    }

    @Override
    public String getStudentId() {
        return studentId;
    }
}
