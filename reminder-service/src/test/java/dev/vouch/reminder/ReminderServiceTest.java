package dev.vouch.reminder;

import dev.vouch.testsupport.VouchServiceTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reminder service on the real broker and Mongo server, with the scheduler's own tick switched off: tests
 * move the clock and call {@code DueReminderScheduler.fireDue()} themselves. One cached context for every IT
 * that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@VouchServiceTest
@TestPropertySource(properties = {
        "vouch.reminders.scheduler.enabled=false",
        "vouch.reminders.metrics.open-refresh=PT1H"
})
public @interface ReminderServiceTest {
}
