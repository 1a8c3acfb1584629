package dev.vouch.request.mentor;

/** Whether letters may still be asked of a mentor. Archiving is final. */
public enum MentorStatus {
    ACTIVE,
    ARCHIVED
}
