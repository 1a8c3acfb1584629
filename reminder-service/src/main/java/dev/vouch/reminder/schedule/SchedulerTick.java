package dev.vouch.reminder.schedule;

import dev.vouch.reminder.store.ReminderMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the scheduler on a fixed delay ({@code vouch.reminders.scheduler.interval}), and at once when the stream
 * has derived a reminder that is already due ({@link #wake}), so such a reminder does not wait for the next tick.
 * Runs on one instance never overlap; wakes that arrive while one is pending fold into it.
 */
public class SchedulerTick implements SchedulingConfigurer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchedulerTick.class);

    private final DueReminderScheduler scheduler;
    private final ReminderMetrics metrics;
    private final Duration interval;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reminder-scheduler-wake");
        thread.setDaemon(true);
        return thread;
    });

    public SchedulerTick(DueReminderScheduler scheduler, ReminderMetrics metrics, Duration interval) {
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::tick, interval, interval));
    }

    /** Asks for a run as soon as possible, without waiting for the next tick. */
    public void wake() {
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.execute(() -> {
                wakePending.set(false); // a wake arriving from here on asks for one more run after this one
                tick();
            });
        } catch (RejectedExecutionException shuttingDown) {
            wakePending.set(false);
        }
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

    @Override
    public void close() {
        waker.shutdownNow();
    }
}
