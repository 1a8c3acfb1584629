package dev.vouch.kit.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends this service when the local stack's launcher is gone, however it ended (a kill -9 runs no shutdown hook
 * in the launcher, so it cannot stop its children itself). The launcher is polled every
 * {@link #POLL_INTERVAL}: the JDK's own {@code onExit} for a process that is not a child backs off to 5 s.
 */
public final class ParentProcessWatch {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private ParentProcessWatch() {
    }

    /** Runs {@code onExit} once the process {@code pid} has exited; at once if it does not exist. */
    public static void watch(long pid, Runnable onExit) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            onExit.run();
            return;
        }
        // A pid can be reused: the process is the launcher only while its start time is the same.
        Optional<Instant> started = parent.get().info().startInstant();
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parent-process-watch");
            thread.setDaemon(true);
            return thread;
        });
        poll.scheduleWithFixedDelay(() -> {
            boolean alive = parent.get().isAlive() && (started.isEmpty() || started.equals(parent.get().info().startInstant()));
            if (!alive) {
                log.warn("The local stack's launcher (pid {}) is gone; stopping", pid);
                poll.shutdown();
                onExit.run();
            }
        }, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@code stop}, bounded: if it has not ended the process within {@code grace}, the process halts. With the
     * launcher gone, Kafka and MongoDB are gone too: a graceful stop has nothing left to save and would wait for
     * their clients' timeouts (30 s and more) while holding the service's ports.
     */
    public static Runnable stopWithin(Duration grace, Runnable stop) {
        return () -> {
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(grace.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                log.warn("Not stopped within {}; halting", grace);
                Runtime.getRuntime().halt(1);
            }, "parent-process-watch-halt");
            halt.setDaemon(true);
            halt.start();
            stop.run();
        };
    }
}
