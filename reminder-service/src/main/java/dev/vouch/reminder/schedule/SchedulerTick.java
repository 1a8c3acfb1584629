package dev.vouch.reminder.schedule;

import dev.vouch.reminder.store.ReminderMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<String> woken = ConcurrentHashMap.newKeySet();
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

    /**
     * Fires these subjects' due reminders as soon as possible, without waiting for the next tick. They are
     * claimed by id, so this costs what the subjects cost, not a search of the whole schedule.
     */
    public void wake(Collection<String> subjects) {
        woken.addAll(subjects);
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.execute(() -> {
                wakePending.set(false); // a wake arriving from here on asks for one more run after this one
                Set<String> due = new HashSet<>();
                for (String subject : woken) {
                    if (woken.remove(subject)) {
                        due.add(subject);
                    }
                }
                fire(due);
            });
        } catch (RejectedExecutionException shuttingDown) {
            wakePending.set(false);
        }
    }

    private synchronized void fire(Set<String> subjects) {
        try {
            int fired = scheduler.fireSubjects(subjects);
            if (fired > 0) {
                log.debug("Fired {} reminder(s) as they became due", fired);
            }
        } catch (RuntimeException e) {
            log.warn("Firing due reminders failed, the next tick retries: {}", e.toString());
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
