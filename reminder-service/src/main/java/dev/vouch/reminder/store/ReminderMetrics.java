package dev.vouch.reminder.store;

import dev.vouch.events.ReminderKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reminder metrics, tagged by kind only (seven values):
 * <ul>
 *   <li>{@code vouch.reminders.fired}: reminders fired, a counter;</li>
 *   <li>{@code vouch.reminders.open}: reminders waiting for the student (OPEN or SNOOZED), a gauge refreshed by
 *       one read of their kinds every {@code vouch.reminders.metrics.open-refresh} once the service has caught
 *       up (see {@code ReminderConfiguration}) rather than per scrape;</li>
 *   <li>{@code vouch.reminders.derivation.lag}: from an event's time to its effects being stored, a timer.</li>
 * </ul>
 */
@Component
public class ReminderMetrics {

    public static final String FIRED = "vouch.reminders.fired";
    public static final String OPEN = "vouch.reminders.open";
    public static final String LAG = "vouch.reminders.derivation.lag";
    public static final String SCHEDULER_RUNS = "vouch.reminders.scheduler.runs";

    private static final Logger log = LoggerFactory.getLogger(ReminderMetrics.class);

    private final Map<ReminderKind, Counter> fired = new EnumMap<>(ReminderKind.class);
    private final Map<ReminderKind, AtomicLong> open = new EnumMap<>(ReminderKind.class);
    private final Timer lag;
    private final Counter schedulerRuns;
    private final ReminderStore store;

    public ReminderMetrics(MeterRegistry registry, ReminderStore store) {
        this.store = store;
        for (ReminderKind kind : ReminderKind.values()) {
            fired.put(kind, Counter.builder(FIRED).description("Reminders fired (ReminderDue published)")
                    .tag("kind", kind.name()).register(registry));
            AtomicLong count = new AtomicLong();
            open.put(kind, count);
            Gauge.builder(OPEN, count, AtomicLong::get).description("Reminders waiting for the student (OPEN or SNOOZED)")
                    .tag("kind", kind.name()).register(registry);
        }
        lag = Timer.builder(LAG).description("From an event's time to its effects on reminders being stored")
                .publishPercentileHistogram(false).register(registry);
        schedulerRuns = Counter.builder(SCHEDULER_RUNS)
                .description("Completed scheduler ticks: the heartbeat behind the scheduler-not-running alert")
                .register(registry);
    }

    public void schedulerRan() {
        schedulerRuns.increment();
    }

    public void fired(ReminderKind kind) {
        fired.get(kind).increment();
    }

    public void derivationLag(Duration lagOfOneEvent) {
        lag.record(lagOfOneEvent.isNegative() ? Duration.ZERO : lagOfOneEvent);
    }

    public void refreshOpen() {
        try {
            store.openByKind().forEach((kind, count) -> open.get(kind).set(count));
        } catch (RuntimeException e) {
            log.debug("Could not count open reminders: {}", e.toString());
        }
    }
}
