package dev.vouch.mentor;

import dev.vouch.testsupport.ApiDescriptionContract;
import dev.vouch.testsupport.VouchServiceTest;

@VouchServiceTest
class MentorApiDescriptionIT extends ApiDescriptionContract {
}
