package dev.vouch.kit.security;

import dev.vouch.kit.web.NotFoundException;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The records a request may touch: one student of one institution. Resolved from the token (never from the
 * body) by {@link AccessScopeArgumentResolver}; every query either filters by {@link #criteria()} or checks
 * what it loaded with {@link #require}. Records outside the scope look exactly like records that do not exist.
 */
public record AccessScope(String tenant, String studentId, VouchPrincipal caller) {

    public static final String TENANT_FIELD = "tenant";
    public static final String STUDENT_FIELD = "studentId";

    /** Filters a query to this scope. */
    public Criteria criteria() {
        return Criteria.where(TENANT_FIELD).is(tenant).and(STUDENT_FIELD).is(studentId);
    }

    public boolean covers(StudentOwned record) {
        return record != null && tenant.equals(record.getTenant()) && studentId.equals(record.getStudentId());
    }

    /** The record, if it exists and lies in this scope; otherwise 404, whichever of the two it was. */
    public <T extends StudentOwned> T require(T record, String what, String id) {
        if (!covers(record)) {
            throw new NotFoundException(what, id);
        }
        return record;
    }
}
