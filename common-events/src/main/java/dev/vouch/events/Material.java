package dev.vouch.events;

/** What a writer may be given to write from. */
public enum Material {
    PERSONAL_STATEMENT,
    CV,
    TRANSCRIPT,
    HIGHLIGHTS,
    SUBMISSION_INSTRUCTIONS,
    REQUEST_FORM
}
