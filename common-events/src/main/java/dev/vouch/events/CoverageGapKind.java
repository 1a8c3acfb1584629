package dev.vouch.events;

/** What a target's letters lack. */
public enum CoverageGapKind {
    /** Fewer letters on track (requested, accepted or submitted) than the system's minimum. */
    TOO_FEW_ON_TRACK,
    /** More letters assigned than the system accepts. */
    OVER_CAP,
    /** A kind of letter the system requires (a chair letter, an SLOE) is not on track. */
    REQUIRED_KIND_MISSING,
    /** A writer declined a letter meant for this target. */
    WRITER_DECLINED
}
