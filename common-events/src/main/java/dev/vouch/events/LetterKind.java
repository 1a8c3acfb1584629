package dev.vouch.events;

/** What kind of letter it is, as application systems tell them apart. */
public enum LetterKind {
    STANDARD,
    /** From the chair of the department (some residency specialties require one). */
    CHAIR,
    /** A standardized letter of evaluation (emergency medicine and others). */
    SLOE,
    /** A committee letter or letter packet from the school: counts as one letter. */
    COMMITTEE
}
