package dev.vouch.events;

import java.util.Set;

/** The materials the writer now has: the whole set, not only what was added. */
public record LetterMaterialsShared(String letterId, String mentorId, Set<Material> materials) implements LetterEvent {

    public LetterMaterialsShared {
        materials = materials == null ? Set.of() : Set.copyOf(materials);
    }
}
