package dev.vouch.kit.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the relay's sweep: once soon after the start ({@code vouch.outbox.sweep-interval}), for what a crash of
 * this process left behind; at that interval again while publishes are failing (a broker outage) or the last
 * sweep found events left behind, until one finds none (which also clears the oldest-age gauge); and otherwise
 * every {@code vouch.outbox.full-sweep-interval}, for what another instance that stopped for good left behind.
 * Everything this process writes the relay publishes right away, so a sweep finds nothing in between; and a
 * sweep searches every outbox collection, which on the in-process store reads every document.
 */
public class OutboxSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private final Duration fullInterval;
    private final Clock clock;
    private Instant lastSweep;

    public OutboxSweeper(OutboxRelay relay, Duration interval, Duration fullInterval, Clock clock) {
        this.relay = relay;
        this.interval = interval;
        this.fullInterval = fullInterval;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, interval, interval));
    }

    /** One turn of the schedule: sweeps if it is the first, if a publish failed, or if the full interval has passed. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (lastSweep == null || relay.publishFailed() || relay.leftBehindAtLastSweep()
                || !now.isBefore(lastSweep.plus(fullInterval))) {
            lastSweep = now;
            sweep();
        }
    }

    public void sweep() {
        try {
            int published = relay.sweep();
            if (published > 0) {
                log.info("Outbox sweep published {} event(s) left behind", published);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }
}
