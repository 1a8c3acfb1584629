package dev.vouch.request.mentor;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorUpdated;
import dev.vouch.events.VouchEvent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentorChangeTest {

    static EventEnvelope<VouchEvent> envelope(VouchEvent event, long sequence) {
        return EventEnvelope.of(event, URI.create("/vouch/mentor-service"), Instant.parse("2026-12-01T10:00:00Z"),
                "med-school", "student-1", sequence);
    }

    @Test
    void aMentorAddedMakesAnActiveEntryWithItsOwnerAndName() {
        MentorAdded added = new MentorAdded("m1", "Dr. Ana Rivera", null, null, null, MentorRelationship.FACULTY, null, 90);
        assertThat(MentorChange.of(envelope(added, 1)))
                .contains(new MentorChange("m1", "med-school", "student-1", 1, "Dr. Ana Rivera", false));
    }

    @Test
    void aMentorUpdatedCarriesTheCurrentName() {
        MentorUpdated updated = new MentorUpdated("m1", List.of("name"), "Dr. Ana Rivera-Lopez", null, null, null,
                MentorRelationship.FACULTY, 90);
        assertThat(MentorChange.of(envelope(updated, 2)))
                .contains(new MentorChange("m1", "med-school", "student-1", 2, "Dr. Ana Rivera-Lopez", false));
    }

    @Test
    void aMentorArchivedArchives() {
        assertThat(MentorChange.of(envelope(new MentorArchived("m1"), 3)))
                .contains(new MentorChange("m1", "med-school", "student-1", 3, null, true));
    }

    @Test
    void aContactLoggedDoesNotConcernTheDirectory() {
        ContactLogged contact = new ContactLogged("m1", "c1", ContactType.MEETING, Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(MentorChange.of(envelope(contact, 4))).isEmpty();
    }
}
