package dev.vouch.events;

/** The follow-ups Vouch derives; see the reminder rules in the architecture docs. */
public enum ReminderKind {
    ASK_EARLY,
    NO_RESPONSE,
    MISSING_MATERIALS,
    DEADLINE_APPROACHING,
    OVERDUE,
    THANK_YOU,
    STAY_IN_TOUCH,
    /** A target due soon whose letters have a gap (too few on track, over the cap, a kind missing, a decline). */
    COVERAGE_GAP
}
