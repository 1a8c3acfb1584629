package dev.vouch.reminder.projection;

import dev.vouch.kit.time.MillisecondClock;
import java.time.Instant;
import java.util.Objects;

/**
 * What a projection needs from an event's envelope: whose it is, its place in the aggregate's history and
 * when it happened.
 *
 * @param sequence the aggregate's version after the event; 0 when the producer did not say
 */
public record Stamp(String tenant, String studentId, long sequence, Instant time) {

    public Stamp {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(time, "time");
        time = MillisecondClock.cut(time);
    }

    /** True when the event is not newer than the version already applied: a duplicate or a late copy. */
    boolean isNotNewerThan(long applied) {
        return sequence > 0 && sequence <= applied;
    }
}
