package dev.vouch.request.letter;

import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a student fills in to ask for (or plan) a letter, already checked for shape. */
public record LetterDraft(
        String mentorId,
        LetterPurpose purpose,
        List<String> targets,
        Instant deadline,
        boolean waiverSigned,
        Set<Material> materials,
        String message,
        boolean planned) {

    public LetterDraft {
        targets = targets == null ? List.of() : targets.stream().map(String::strip).toList();
        materials = materials == null ? Set.of() : Set.copyOf(materials);
    }
}
