package dev.vouch.events;

import java.time.Duration;
import java.time.Instant;

/**
 * Days left until a deadline, counted one way by every service and screen: whole days, rounded down, so a
 * deadline 4 days and 3 hours away has 4 days left, one less than a day away is due today (0), and one an hour
 * past has -1 (overdue by a day started).
 */
public final class Deadlines {

    private static final long DAY = Duration.ofDays(1).getSeconds();

    private Deadlines() {
    }

    public static long daysLeft(Instant now, Instant deadline) {
        return Math.floorDiv(Duration.between(now, deadline).getSeconds(), DAY);
    }
}
