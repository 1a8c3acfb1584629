package dev.vouch.mentor;

import dev.vouch.testsupport.ApiDescriptionContract;
import dev.vouch.testsupport.VouchServiceTest;

import java.util.Set;

@VouchServiceTest
class MentorApiDescriptionIT extends ApiDescriptionContract {

    /** Tenant-wide or not about one student. */
    @Override
    protected Set<String> readsWithoutStudent() {
        return Set.of("GET /api/v1/advisor/writers");
    }
}
