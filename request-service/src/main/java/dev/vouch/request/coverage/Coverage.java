package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The coverage rules: what a target's letters lack, from its system's rule and the letters assigned to it. Pure.
 *
 * <ul>
 *   <li><b>On track</b>: requested, accepted or submitted. <b>Assigned</b>: on track or planned (declined and
 *       cancelled letters will never arrive, so they take no place under the cap).</li>
 *   <li>{@code TOO_FEW_ON_TRACK}: fewer on track than the minimum (a committee letter on track covers it where
 *       the system says so).</li>
 *   <li>{@code OVER_CAP}: more assigned than the system accepts.</li>
 *   <li>{@code REQUIRED_KIND_MISSING}: one per required kind with no letter of that kind on track.</li>
 *   <li>{@code WRITER_DECLINED}: one per declined letter while the target is short of its minimum, so the student
 *       sees why and whom to replace; it closes once enough letters are on track again.</li>
 * </ul>
 */
public final class Coverage {

    static final Set<LetterStatus> ON_TRACK = EnumSet.of(LetterStatus.REQUESTED, LetterStatus.ACCEPTED,
            LetterStatus.SUBMITTED);
    static final Set<LetterStatus> ASSIGNED = EnumSet.of(LetterStatus.PLANNED, LetterStatus.REQUESTED,
            LetterStatus.ACCEPTED, LetterStatus.SUBMITTED);

    private Coverage() {
    }

    /** One letter as coverage sees it. */
    public record AssignedLetter(String letterId, String mentorId, LetterKind kind, LetterStatus status,
                                 Instant deadline) {
    }

    /** A target's coverage now. {@code deadline}: the target's own, else the earliest of its open letters. */
    public record Result(ApplicationSystem system, CoverageRule rule, Instant deadline, int assigned, int onTrack,
                         List<AssignedLetter> letters, List<CoverageGap> gaps) {
    }

    /** The key targets are matched by: letters name them as free text, so case and spacing do not count. */
    public static String key(String targetName) {
        return targetName == null ? "" : targetName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static Result of(ApplicationSystem system, CoverageRule rule, Instant ownDeadline,
                            Collection<AssignedLetter> letters) {
        List<AssignedLetter> sorted = letters.stream()
                .sorted(Comparator.comparing(AssignedLetter::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AssignedLetter::letterId))
                .toList();
        List<AssignedLetter> onTrack = sorted.stream().filter(letter -> ON_TRACK.contains(letter.status())).toList();
        int assigned = (int) sorted.stream().filter(letter -> ASSIGNED.contains(letter.status())).count();
        List<CoverageGap> gaps = new ArrayList<>();
        boolean committee = rule.committeeMeetsMinimum()
                && onTrack.stream().anyMatch(letter -> letter.kind() == LetterKind.COMMITTEE);
        boolean belowMinimum = !committee && onTrack.size() < rule.minLetters();
        if (belowMinimum) {
            gaps.add(new CoverageGap(CoverageGapKind.TOO_FEW_ON_TRACK, null, null, rule.minLetters(), onTrack.size()));
        }
        if (rule.maxLetters() != null && assigned > rule.maxLetters()) {
            gaps.add(new CoverageGap(CoverageGapKind.OVER_CAP, null, null, rule.maxLetters(), assigned));
        }
        rule.requiredKinds().stream().sorted()
                .filter(kind -> onTrack.stream().noneMatch(letter -> letter.kind() == kind))
                .forEach(kind -> gaps.add(new CoverageGap(CoverageGapKind.REQUIRED_KIND_MISSING, kind, null, null, null)));
        if (belowMinimum) {
            sorted.stream().filter(letter -> letter.status() == LetterStatus.DECLINED)
                    .forEach(letter -> gaps.add(new CoverageGap(CoverageGapKind.WRITER_DECLINED, null,
                            letter.letterId(), null, null)));
        }
        Instant deadline = ownDeadline != null ? ownDeadline : sorted.stream()
                .filter(letter -> !letter.status().isFinal())
                .map(AssignedLetter::deadline).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new Result(system, rule, deadline, assigned, onTrack.size(), sorted, gaps);
    }

    /** Whether one more letter would go over the cap: how many are assigned already, against the cap. */
    public static boolean atCap(CoverageRule rule, Collection<AssignedLetter> letters) {
        if (rule.maxLetters() == null) {
            return false;
        }
        long assigned = letters.stream().filter(letter -> ASSIGNED.contains(letter.status())).count();
        return assigned >= rule.maxLetters();
    }
}
