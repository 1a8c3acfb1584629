package dev.vouch.reminder.scheduler;

import dev.vouch.reminder.reminder.ReminderMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the scheduler on a fixed delay ({@code vouch.reminders.scheduler.interval}, default 15 seconds). */
@Component
@ConditionalOnProperty(name = "vouch.reminders.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulerTick {

    private static final Logger log = LoggerFactory.getLogger(SchedulerTick.class);

    private final DueReminderScheduler scheduler;
    private final ReminderMetrics metrics;

    SchedulerTick(DueReminderScheduler scheduler, ReminderMetrics metrics) {
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${vouch.reminders.scheduler.interval:PT15S}",
            initialDelayString = "${vouch.reminders.scheduler.interval:PT15S}")
    void tick() {
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
