package dev.vouch.request.mentor;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
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
        VouchEvent payload = event.payload();
        if (payload instanceof MentorAdded added) {
            return Optional.of(new MentorChange(added.mentorId(), event.tenant(), event.studentId(), event.sequence(),
                    added.name(), false));
        }
        if (payload instanceof MentorUpdated updated) {
            return Optional.of(new MentorChange(updated.mentorId(), event.tenant(), event.studentId(), event.sequence(),
                    updated.name(), false));
        }
        if (payload instanceof MentorArchived archived) {
            return Optional.of(new MentorChange(archived.mentorId(), event.tenant(), event.studentId(), event.sequence(),
                    null, true));
        }
        return Optional.empty();
    }
}
