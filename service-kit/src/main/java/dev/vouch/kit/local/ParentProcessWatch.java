package dev.vouch.kit.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends this service when the local stack's launcher is gone, however it ended (a kill -9 runs no shutdown hook
 * in the launcher, so it cannot stop its children itself).
 */
public final class ParentProcessWatch {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    private ParentProcessWatch() {
    }

    /** Runs {@code onExit} once the process {@code pid} has exited; at once if it does not exist. */
    public static void watch(long pid, Runnable onExit) {
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    log.warn("The local stack's launcher (pid {}) is gone; stopping", pid);
                    onExit.run();
                }),
                onExit);
    }
}
