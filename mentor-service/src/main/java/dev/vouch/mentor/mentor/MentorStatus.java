package dev.vouch.mentor.mentor;

/** An archived mentor stays readable but takes no changes, contacts or letters. */
public enum MentorStatus {
    ACTIVE,
    ARCHIVED
}
