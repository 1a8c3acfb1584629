package dev.vouch.events;

/** A student added someone who could write for them. */
public record MentorAdded(
        String mentorId,
        String name,
        String title,
        String specialty,
        String organization,
        MentorRelationship relationship,
        MentorSource source,
        int stayInTouchDays) implements MentorEvent {
}
