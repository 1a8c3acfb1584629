package dev.vouch.kit.security;

import dev.vouch.kit.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessScopeTest {

    static final VouchPrincipal STUDENT = new VouchPrincipal("ana", "med-school", Set.of(Role.STUDENT));
    static final VouchPrincipal ADVISOR = new VouchPrincipal("dr-mills", "med-school", Set.of(Role.ADVISOR));
    static final VouchPrincipal INTEGRATION = new VouchPrincipal("portal", "med-school", Set.of(Role.INTEGRATION));

    record Owned(String getTenant, String getStudentId) implements StudentOwned {
    }

    @Test
    void aStudentReadsAndWritesOnlyTheirOwnRecords() {
        AccessScope read = AccessScopeArgumentResolver.resolve(STUDENT, true, null);
        assertThat(read.tenant()).isEqualTo("med-school");
        assertThat(read.studentId()).isEqualTo("ana");
        assertThat(AccessScopeArgumentResolver.resolve(STUDENT, false, null).studentId()).isEqualTo("ana");
        assertThatThrownBy(() -> AccessScopeArgumentResolver.resolve(STUDENT, true, "ben"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AccessScopeArgumentResolver.resolve(STUDENT, false, "ben"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdvisorReadsANamedStudentOfTheirOwnTenantAndWritesNothing() {
        AccessScope scope = AccessScopeArgumentResolver.resolve(ADVISOR, true, "ana");
        assertThat(scope.tenant()).isEqualTo("med-school");
        assertThat(scope.studentId()).isEqualTo("ana");
        assertThatThrownBy(() -> AccessScopeArgumentResolver.resolve(ADVISOR, true, null))
                .isInstanceOf(AccessScopeArgumentResolver.MissingStudentException.class);
        assertThatThrownBy(() -> AccessScopeArgumentResolver.resolve(ADVISOR, false, "ana"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void otherRolesGetNoStudentScope() {
        assertThatThrownBy(() -> AccessScopeArgumentResolver.resolve(INTEGRATION, true, "ana"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void recordsOutsideTheScopeLookLikeMissingRecords() {
        AccessScope scope = AccessScopeArgumentResolver.resolve(STUDENT, true, null);
        Owned mine = new Owned("med-school", "ana");
        assertThat(scope.require(mine, "Mentor", "m1")).isSameAs(mine);
        assertThatThrownBy(() -> scope.require(new Owned("med-school", "ben"), "Mentor", "m1"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> scope.require(new Owned("law-school", "ana"), "Mentor", "m1"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> scope.require(null, "Mentor", "m1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theQueryCriteriaCarryTenantAndStudent() {
        AccessScope scope = AccessScopeArgumentResolver.resolve(STUDENT, true, null);
        assertThat(scope.criteria().getCriteriaObject().toJson())
                .contains("\"tenant\": \"med-school\"").contains("\"studentId\": \"ana\"");
    }
}
