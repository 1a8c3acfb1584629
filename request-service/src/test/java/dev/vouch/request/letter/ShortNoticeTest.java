package dev.vouch.request.letter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ShortNoticeTest {

    final ShortNotice thirtyDays = new ShortNotice(ShortNotice.DEFAULT_WINDOW);
    final Instant asked = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void lessThanThirtyDaysIsShortNotice() {
        assertThat(thirtyDays.applies(asked, asked.plus(Duration.ofDays(30)).minusSeconds(1))).isTrue();
        assertThat(thirtyDays.applies(asked, asked.plus(Duration.ofDays(2)))).isTrue();
    }

    @Test
    void thirtyDaysOrMoreIsNot() {
        assertThat(thirtyDays.applies(asked, asked.plus(Duration.ofDays(30)))).isFalse();
        assertThat(thirtyDays.applies(asked, asked.plus(Duration.ofDays(60)))).isFalse();
    }

    @Test
    void theWindowIsConfigurable() {
        assertThat(new ShortNotice(Duration.ofDays(45)).applies(asked, asked.plus(Duration.ofDays(40)))).isTrue();
    }
}
