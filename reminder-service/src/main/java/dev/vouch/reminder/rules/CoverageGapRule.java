package dev.vouch.reminder.rules;

import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.LetterKind;
import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COVERAGE_GAP: one reminder per target and kind of gap (too few on track, over the cap, each required kind
 * missing, a writer who declined), due once the target's deadline is within the window (30 days by default)
 * while request-service says the gap is there, and cleared when it closes. The gaps themselves are
 * request-service's rules (it owns targets and letters); this rule only decides when to speak of them.
 */
public final class CoverageGapRule {

    private final ReminderPolicy policy;

    public CoverageGapRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    /** The gap part of a reminder id: the kind, with the missing letter kind for REQUIRED_KIND_MISSING. */
    public static String gapKey(CoverageGap gap) {
        return gap.kind() == CoverageGapKind.REQUIRED_KIND_MISSING && gap.letterKind() != null
                ? gap.kind().name() + "-" + gap.letterKind().name() : gap.kind().name();
    }

    public List<String> reminderIds(String targetId) {
        List<String> ids = new ArrayList<>();
        for (CoverageGapKind kind : CoverageGapKind.values()) {
            if (kind == CoverageGapKind.REQUIRED_KIND_MISSING) {
                for (LetterKind letterKind : LetterKind.values()) {
                    ids.add(ReminderIds.coverage(targetId, kind.name() + "-" + letterKind.name()));
                }
            } else {
                ids.add(ReminderIds.coverage(targetId, kind.name()));
            }
        }
        return ids;
    }

    /** A verdict for each of {@link #reminderIds}; null while the target is not known. */
    public List<Verdict> evaluate(Target target) {
        if (target == null || !target.isKnown()) {
            return null;
        }
        Map<String, CoverageGap> open = new LinkedHashMap<>();
        target.gaps().forEach(gap -> open.putIfAbsent(ReminderIds.coverage(target.id(), gapKey(gap)), gap));
        Instant deadline = target.deadline();
        List<Verdict> verdicts = new ArrayList<>();
        for (String id : reminderIds(target.id())) {
            CoverageGap gap = open.get(id);
            Condition condition = gap == null ? Condition.CLEARED
                    : deadline == null ? Condition.NOT_APPLICABLE : Condition.ACTIVE;
            Instant due = deadline == null ? null : deadline.minus(policy.coverageWindow());
            verdicts.add(new Verdict(id, ReminderKind.COVERAGE_GAP, condition, due,
                    gap == null ? null : gap.letterId(), null, deadline, null, ReminderIds.parse(id).gap(), false));
        }
        return verdicts;
    }
}
