package dev.vouch.reminder;

import dev.vouch.testsupport.ApiDescriptionContract;

import java.util.Set;

@ReminderServiceTest
class ReminderApiDescriptionIT extends ApiDescriptionContract {

    /** The at-risk report spans the advisor's whole institution. */
    @Override
    protected Set<String> readsWithoutStudent() {
        return Set.of("GET /api/v1/advisor/at-risk");
    }
}
