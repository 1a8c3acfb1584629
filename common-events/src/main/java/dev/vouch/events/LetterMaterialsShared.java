package dev.vouch.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The materials the writer now has: the whole set, not only what was added. */
public record LetterMaterialsShared(String letterId, String mentorId, Set<Material> materials) implements LetterEvent {

    public LetterMaterialsShared {
        // EnumSet order (declaration order), not Set.copyOf's per-JVM random order: the same event
        // always encodes to the same JSON.
        materials = materials == null || materials.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(materials));
    }
}
