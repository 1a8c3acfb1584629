package dev.vouch.kit.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ParentProcessWatchTest {

    @Test
    void actsWhenTheWatchedProcessDiesAndNotBefore() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        CountDownLatch stopped = new CountDownLatch(1);
        ParentProcessWatch.watch(sleeper.pid(), stopped::countDown);

        assertThat(stopped.await(200, TimeUnit.MILLISECONDS)).as("still alive: nothing happens").isFalse();
        sleeper.destroyForcibly();
        assertThat(stopped.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void actsAtOnceWhenTheProcessDoesNotExist() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        CountDownLatch stopped = new CountDownLatch(1);
        ParentProcessWatch.watch(gone.pid(), stopped::countDown);
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
