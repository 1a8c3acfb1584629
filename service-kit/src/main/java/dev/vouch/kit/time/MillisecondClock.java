package dev.vouch.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * MongoDB keeps instants to the millisecond. Every service's clock ticks in milliseconds (the kit's
 * {@code Clock} bean), so what a service answers and publishes is what a later read returns; instants that come
 * from elsewhere (a request body, an event's payload) are cut the same way where they are stored and compared.
 */
public final class MillisecondClock {

    private MillisecondClock() {
    }

    /** The system clock in UTC, ticking in whole milliseconds. */
    public static Clock systemUtc() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The instant as MongoDB will hold it; null stays null. */
    public static Instant cut(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
