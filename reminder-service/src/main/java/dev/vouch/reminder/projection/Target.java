package dev.vouch.reminder.projection;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.TargetCoverageChanged;
import dev.vouch.kit.time.MillisecondClock;

import java.time.Instant;
import java.util.List;

/**
 * What the coverage rule knows of one application target, from the last {@code TargetCoverageChanged}
 * request-service published (it carries the whole state, so the newest one is all there is to keep). Events of
 * another student or tenant under the same id, and events not newer than the one applied, change nothing.
 */
public record Target(
        String id,
        String tenant,
        String studentId,
        String name,
        ApplicationSystem system,
        Instant deadline,
        List<CoverageGap> gaps,
        long sequence) {

    public Target {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        deadline = deadline == null ? null : MillisecondClock.cut(deadline);
    }

    public static Target unknown(String id, String tenant, String studentId) {
        return new Target(id, tenant, studentId, null, null, null, List.of(), 0);
    }

    public boolean isKnown() {
        return name != null;
    }

    public Target apply(TargetCoverageChanged event, Stamp stamp) {
        if (!tenant.equals(stamp.tenant()) || !studentId.equals(stamp.studentId()) || stamp.isNotNewerThan(sequence)) {
            return this;
        }
        return new Target(id, tenant, studentId, event.name(), event.system(), event.deadline(), event.gaps(),
                Math.max(sequence, stamp.sequence()));
    }
}
