package dev.vouch.reminder;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-reminders gauge is recounted only once the service has caught up with its topics. */
class ReminderConfigurationTest {

    @Test
    void theOpenRemindersAreCountedOnlyOnceCaughtUp() {
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        AtomicInteger counts = new AtomicInteger();
        Runnable refresh = ReminderConfiguration.whenCaughtUp(caughtUp::get, counts::incrementAndGet);

        refresh.run();
        refresh.run();
        assertThat(counts).as("while catching up").hasValue(0);

        caughtUp.set(true);
        refresh.run();
        assertThat(counts).as("once caught up").hasValue(1);
    }
}
