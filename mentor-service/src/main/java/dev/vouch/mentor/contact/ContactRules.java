package dev.vouch.mentor.contact;

import dev.vouch.events.ContactType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Rules of the contact log, without infrastructure. */
public final class ContactRules {

    /** Contacts are logged after the fact; a day of slack covers time zones and a meeting logged ahead. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private ContactRules() {
    }

    public static boolean isTooFarAhead(Instant occurredAt, Instant now) {
        return occurredAt.isAfter(now.plus(MAX_AHEAD));
    }

    /**
     * The id of a contact: derived from the student, the mentor and what the contact says, so that posting the
     * same contact again (a client retrying after a timeout) finds the contact already logged instead of
     * counting it twice.
     */
    public static String contactId(String tenant, String studentId, String mentorId, ContactType type,
                                   Instant occurredAt, String notes) {
        String identity = String.join("\n", tenant, studentId, mentorId, type.name(), occurredAt.toString(),
                notes == null ? "" : notes);
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
