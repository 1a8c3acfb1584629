package dev.vouch.request.letter;

import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a student fills in to ask for (or plan) a letter, already checked for shape. {@code overrideCap}: the
 * student confirms assigning it to a target already at its system's cap (the system itself would drop it).
 */
public record LetterDraft(
        String mentorId,
        LetterPurpose purpose,
        List<String> targets,
        Instant deadline,
        boolean waiverSigned,
        Set<Material> materials,
        String message,
        boolean planned,
        LetterKind kind,
        boolean overrideCap) {

    /** A standard letter, within every target's cap. */
    public LetterDraft(String mentorId, LetterPurpose purpose, List<String> targets, Instant deadline,
                       boolean waiverSigned, Set<Material> materials, String message, boolean planned) {
        this(mentorId, purpose, targets, deadline, waiverSigned, materials, message, planned, LetterKind.STANDARD, false);
    }

    public LetterDraft {
        kind = kind == null ? LetterKind.STANDARD : kind;
        targets = targets == null ? List.of() : targets.stream().map(String::strip).toList();
        materials = materials == null ? Set.of() : Set.copyOf(materials);
    }
}
