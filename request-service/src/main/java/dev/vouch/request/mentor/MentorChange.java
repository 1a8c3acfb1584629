package dev.vouch.request.mentor;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorEvent;
import dev.vouch.events.MentorStatus;
import dev.vouch.events.MentorUpdated;
import dev.vouch.events.VouchEvent;

import java.util.Optional;

/**
 * What one mentor event means for the directory.
 *
 * @param sequence the mentor's version after the event
 * @param name     the mentor's name, or null when the event does not carry it (MentorArchived)
 * @param archives whether the event archives the mentor
 */
public record MentorChange(String mentorId, String tenant, String studentId, long sequence, String name,
                           boolean archives) {

    /** The change an event makes, or empty for events the directory does not need (ContactLogged). */
    public static Optional<MentorChange> of(EventEnvelope<? extends VouchEvent> event) {
        if (!(event.payload() instanceof MentorEvent payload) || payload instanceof ContactLogged) {
            return Optional.empty();
        }
        // The shared fold says whether the event archives the mentor; adds and updates carry the name.
        boolean archives = MentorStatus.after(payload).orElse(null) == MentorStatus.ARCHIVED;
        String name = payload instanceof MentorAdded added ? added.name()
                : payload instanceof MentorUpdated updated ? updated.name() : null;
        return Optional.of(new MentorChange(payload.mentorId(), event.tenant(), event.studentId(), event.sequence(),
                name, archives));
    }
}
