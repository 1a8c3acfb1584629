package dev.vouch.mentor;

import dev.vouch.testsupport.ServiceHealthContract;
import dev.vouch.testsupport.VouchServiceTest;

@VouchServiceTest
class MentorServiceHealthIT extends ServiceHealthContract {
}
