package dev.vouch.reminder.store;

import dev.vouch.reminder.projection.Letter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.requestedLetter;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionCacheTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final ProjectionCache cache = new ProjectionCache(2);
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void whatWasWrittenIsNotReadBackUntilPartitionsMove() {
        Letter letter = requestedLetter("L1", "M1", T0, 30, BOTH);
        cache.wrote(List.of(letter), List.of());

        assertThat(cache.letters(List.of("L1"), this::load)).containsEntry("L1", letter);
        assertThat(loads).hasValue(0);

        cache.clear();
        cache.letters(List.of("L1"), this::load);
        assertThat(loads).hasValue(1);
    }

    @Test
    void anUnchangedScheduleTimeIsNotWrittenAgain() {
        Map<String, Instant> next = new HashMap<>();
        next.put("letter:L1", T0);
        next.put("mentor:M1", null);
        assertThat(cache.changedSchedule(next)).isEqualTo(next);
        cache.scheduled(next);

        assertThat(cache.changedSchedule(next)).isEmpty();
        assertThat(cache.changedSchedule(Map.of("letter:L1", T0.plusSeconds(1)))).containsOnlyKeys("letter:L1");

        cache.clear();
        assertThat(cache.changedSchedule(next)).isEqualTo(next);
    }

    private Map<String, Letter> load(java.util.Collection<String> ids) {
        loads.incrementAndGet();
        return Map.of();
    }
}
