package dev.vouch.events;

import java.util.Optional;

/**
 * Whether a mentor is still followed, as the mentor's events tell it. Archiving is final: an archived mentor
 * stays readable but takes no changes, contacts, letters or reminders.
 */
public enum MentorStatus {
    ACTIVE,
    ARCHIVED;

    /** The status a mentor is in after {@code event}; empty for events that do not change it. */
    public static Optional<MentorStatus> after(MentorEvent event) {
        if (event instanceof MentorAdded) {
            return Optional.of(ACTIVE);
        }
        return event instanceof MentorArchived ? Optional.of(ARCHIVED) : Optional.empty();
    }
}
