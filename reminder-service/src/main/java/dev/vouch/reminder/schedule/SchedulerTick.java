package dev.vouch.reminder.schedule;

import dev.vouch.reminder.store.ReminderMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * Runs the scheduler on a fixed delay ({@code vouch.reminders.scheduler.interval}) for reminders that come due
 * with time; what is already due when the stream derives it fires in the stream's own pass. Runs never overlap.
 */
public class SchedulerTick implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SchedulerTick.class);

    private final DueReminderScheduler scheduler;
    private final ReminderMetrics metrics;
    private final Duration interval;

    public SchedulerTick(DueReminderScheduler scheduler, ReminderMetrics metrics, Duration interval) {
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, interval, interval));
    }

    synchronized void tick() {
        try {
            int fired = scheduler.fireDue();
            if (fired > 0) {
                log.info("Fired {} reminder(s)", fired);
            }
            metrics.schedulerRan();
        } catch (RuntimeException e) {
            log.warn("Scheduler tick failed, the next one retries: {}", e.toString());
        }
    }
}
