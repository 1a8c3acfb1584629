package dev.vouch.request.coverage;

import dev.vouch.events.LetterKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one application system asks of the letters sent to one target.
 *
 * @param minLetters            letters on track needed; 0 for none
 * @param maxLetters            letters the system accepts per target; null for no cap
 * @param requiredKinds         kinds of letter that must be among those on track
 * @param committeeMeetsMinimum a committee letter or packet on track covers the minimum on its own
 */
public record CoverageRule(int minLetters, Integer maxLetters, Set<LetterKind> requiredKinds,
                           boolean committeeMeetsMinimum) {

    public static final CoverageRule NONE = new CoverageRule(0, null, Set.of(), false);

    public CoverageRule {
        requiredKinds = requiredKinds == null || requiredKinds.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(requiredKinds));
    }

    /** This rule with the kinds a target asks for on top of its system's. */
    public CoverageRule requiring(Set<LetterKind> more) {
        if (more == null || more.isEmpty()) {
            return this;
        }
        Set<LetterKind> kinds = EnumSet.noneOf(LetterKind.class);
        kinds.addAll(requiredKinds);
        kinds.addAll(more);
        return new CoverageRule(minLetters, maxLetters, kinds, committeeMeetsMinimum);
    }
}
