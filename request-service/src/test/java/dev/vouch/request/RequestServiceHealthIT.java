package dev.vouch.request;

import dev.vouch.testsupport.ServiceHealthContract;
import dev.vouch.testsupport.VouchServiceTest;

@VouchServiceTest
class RequestServiceHealthIT extends ServiceHealthContract {
}
