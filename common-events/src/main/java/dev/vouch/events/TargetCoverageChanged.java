package dev.vouch.events;

import java.time.Instant;
import java.util.List;

/**
 * What a target's letters lack changed: published by request-service whenever the gaps of a target (or its
 * system or deadline) change, with the whole current list, so the last event tells the state. An empty
 * {@code gaps} list means the target is covered.
 *
 * @param name     the target as the student's letters name it
 * @param deadline the target's own deadline; absent when it has none
 */
public record TargetCoverageChanged(
        String targetId,
        String name,
        ApplicationSystem system,
        Instant deadline,
        List<CoverageGap> gaps) implements TargetEvent {

    public TargetCoverageChanged {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
