package dev.vouch.events;

import java.util.List;

/**
 * A mentor's details changed. {@code changedFields} names what changed; the other fields carry the
 * mentor's current values, so a subscriber can overwrite its copy without keeping history.
 */
public record MentorUpdated(
        String mentorId,
        List<String> changedFields,
        String name,
        String title,
        String specialty,
        String organization,
        MentorRelationship relationship,
        int stayInTouchDays) implements MentorEvent {

    public MentorUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
