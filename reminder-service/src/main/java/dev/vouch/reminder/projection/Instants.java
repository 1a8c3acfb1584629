package dev.vouch.reminder.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * MongoDB keeps instants to the millisecond. Everything derivation compares is cut to that precision when it
 * enters, so a value read back equals the value computed, and unchanged state is recognised as unchanged.
 */
public final class Instants {

    private Instants() {
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
