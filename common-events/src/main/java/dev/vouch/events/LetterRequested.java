package dev.vouch.events;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A letter was asked for, or planned. A planned letter ({@code planned = true}, {@code requestedAt} absent)
 * is announced when the student records it; when they then ask, a second {@code LetterRequested} with
 * {@code planned = false} follows under the next sequence. {@code shortNotice} is true when the writer was
 * given less than 30 days.
 */
public record LetterRequested(
        String letterId,
        String mentorId,
        LetterPurpose purpose,
        List<String> targets,
        Instant deadline,
        boolean waiverSigned,
        Set<Material> materials,
        boolean planned,
        boolean shortNotice,
        Instant requestedAt) implements LetterEvent {

    public LetterRequested {
        targets = targets == null ? List.of() : List.copyOf(targets);
        // EnumSet order (declaration order), not Set.copyOf's per-JVM random order: the same event
        // always encodes to the same JSON.
        materials = materials == null || materials.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(materials));
    }
}
