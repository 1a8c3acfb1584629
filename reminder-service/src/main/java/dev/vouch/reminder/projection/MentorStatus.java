package dev.vouch.reminder.projection;

public enum MentorStatus {
    ACTIVE,
    /** Final: no reminders follow an archived mentor. */
    ARCHIVED
}
