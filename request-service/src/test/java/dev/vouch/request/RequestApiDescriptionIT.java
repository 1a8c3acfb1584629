package dev.vouch.request;

import dev.vouch.testsupport.ApiDescriptionContract;
import dev.vouch.testsupport.VouchServiceTest;

@VouchServiceTest
class RequestApiDescriptionIT extends ApiDescriptionContract {
}
