package dev.vouch.mentor.contact;

import dev.vouch.kit.time.MillisecondClock;
import dev.vouch.events.ContactType;
import dev.vouch.kit.web.FreeText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The body of {@code POST /mentors/{id}/contacts}. */
public record NewContact(
        @NotNull ContactType type,
        @NotNull Instant occurredAt,
        @FreeText @Size(max = 4000) String notes) {

    public NewContact {
        // MongoDB keeps milliseconds; the id derived from this time must match what is stored and read back.
        occurredAt = MillisecondClock.cut(occurredAt);
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }
}
