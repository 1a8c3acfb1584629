package dev.vouch.reminder;

import dev.vouch.testsupport.ServiceHealthContract;

/**
 * The shared health contract, in the module's one test context: a second context would be a second,
 * independent reminder service on the same broker, announcing reminders of the other tests' students.
 */
@ReminderServiceTest
class ReminderServiceHealthIT extends ServiceHealthContract {
}
