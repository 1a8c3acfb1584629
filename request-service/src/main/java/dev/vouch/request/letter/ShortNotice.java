package dev.vouch.request.letter;

import java.time.Duration;
import java.time.Instant;

/**
 * Writers need time: a letter asked for with less than {@code window} (30 days by default) before its deadline
 * is short notice, and reminder-service flags it at once.
 */
public record ShortNotice(Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /** Whether a writer asked at {@code askedAt} gets less than the window before {@code deadline}. */
    public boolean applies(Instant askedAt, Instant deadline) {
        return Duration.between(askedAt, deadline).compareTo(window) < 0;
    }
}
