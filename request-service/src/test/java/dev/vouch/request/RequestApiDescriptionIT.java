package dev.vouch.request;

import dev.vouch.testsupport.ApiDescriptionContract;
import dev.vouch.testsupport.VouchServiceTest;

import java.util.Set;

@VouchServiceTest
class RequestApiDescriptionIT extends ApiDescriptionContract {

    /** Tenant-wide or not about one student. */
    @Override
    protected Set<String> readsWithoutStudent() {
        return Set.of("GET /api/v1/coverage/rules");
    }
}
