package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.LetterKind;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One target's coverage as the API shows it. */
public record TargetView(
        @Schema(description = "Id of the target; absent for a target the letters name but the student never described")
        String targetId,
        String name,
        ApplicationSystem system,
        @Schema(description = "The target's own deadline, else the earliest deadline of its open letters")
        Instant deadline,
        @Schema(description = "Letters on track needed (the system's rule)") int minLetters,
        @Schema(description = "Letters the system accepts for this target; absent for no cap") Integer maxLetters,
        Set<LetterKind> requiredKinds,
        @Schema(description = "Letters assigned: planned or on track") int assigned,
        @Schema(description = "Letters requested, accepted or submitted") int onTrack,
        List<Coverage.AssignedLetter> letters,
        @Schema(description = "What the letters lack; empty when covered") List<CoverageGap> gaps) {

    static TargetView of(String name, Target target, Coverage.Result result) {
        CoverageRule rule = result.rule();
        return new TargetView(target == null ? null : target.getId(), name, result.system(), result.deadline(),
                rule.minLetters(), rule.maxLetters(), rule.requiredKinds(), result.assigned(), result.onTrack(),
                result.letters(), result.gaps());
    }
}
