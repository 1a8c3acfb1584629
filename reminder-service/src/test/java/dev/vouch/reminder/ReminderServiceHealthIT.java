package dev.vouch.reminder;

import dev.vouch.testsupport.ServiceHealthContract;
import dev.vouch.testsupport.VouchServiceTest;

@VouchServiceTest
class ReminderServiceHealthIT extends ServiceHealthContract {
}
