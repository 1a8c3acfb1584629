package dev.vouch.events;

/** The student archived a mentor: no new letters may be asked of them and no reminders follow them. */
public record MentorArchived(String mentorId) implements MentorEvent {
}
