package dev.vouch.kit.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventMetricsTest {

    @Test
    void tagsAreEventNamesNeverIdsAndUnknownTypesFoldIntoOneSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventMetrics metrics = new EventMetrics(registry);
        metrics.published("dev.vouch.MentorAdded.v1", true);
        metrics.consumed("dev.vouch.Made-Up-" + System.nanoTime(), "failure");
        metrics.consumed("dev.vouch.Other-" + System.nanoTime(), "failure");
        metrics.consumed(null, "failure");

        assertThat(registry.get(EventMetrics.PUBLISHED).tag("type", "MentorAdded").tag("outcome", "success")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get(EventMetrics.CONSUMED).tag("type", "unknown").counter().count()).isEqualTo(3);
        assertThat(registry.get(EventMetrics.CONSUMED).counters()).hasSize(1);
    }

    @Test
    void everyDeadLetterSeriesExistsAtZeroBeforeTheFirstDeadLetter() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EventMetrics(registry);

        assertThat(registry.get(EventMetrics.DEAD_LETTERS).tag("topic", "vouch.letters").tag("type", "LetterRequested")
                .counter().count()).isZero();
        for (String topic : dev.vouch.events.Topics.ALL) {
            assertThat(registry.get(EventMetrics.DEAD_LETTERS).tag("topic", topic).tag("type", "unknown")
                    .counter().count()).isZero();
        }
        assertThat(registry.get(EventMetrics.DEAD_LETTERS).counters())
                .hasSize(dev.vouch.events.EventType.values().length + dev.vouch.events.Topics.ALL.size());
    }
}
