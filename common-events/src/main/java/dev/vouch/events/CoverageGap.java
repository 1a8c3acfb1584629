package dev.vouch.events;

/**
 * One thing a target's letters lack.
 *
 * @param kind       which gap
 * @param letterKind the missing kind, for {@code REQUIRED_KIND_MISSING}
 * @param letterId   the declined letter, for {@code WRITER_DECLINED}
 * @param expected   the minimum (too few) or the cap (over the cap)
 * @param actual     how many letters count
 */
public record CoverageGap(
        CoverageGapKind kind,
        LetterKind letterKind,
        String letterId,
        Integer expected,
        Integer actual) {
}
