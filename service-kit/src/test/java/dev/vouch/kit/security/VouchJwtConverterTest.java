package dev.vouch.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VouchJwtConverterTest {

    @Test
    void theTokenBecomesAPrincipalWithTenantSubjectAndKnownRoles() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("ana").claim("tenant", "med-school")
                .claim("roles", List.of("student", "ADVISOR", "KING")).issuedAt(Instant.now()).build();
        VouchAuthentication authentication = (VouchAuthentication) new VouchJwtConverter().convert(jwt);
        assertThat(authentication.getPrincipal()).isEqualTo(new VouchPrincipal("ana", "med-school",
                java.util.Set.of(Role.STUDENT, Role.ADVISOR)));
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_STUDENT", "ROLE_ADVISOR");
    }

    @Test
    void rolesMayComeAsACommaSeparatedString() {
        assertThat(VouchJwtConverter.roles("STUDENT, OPERATOR")).containsExactlyInAnyOrder(Role.STUDENT, Role.OPERATOR);
        assertThat(VouchJwtConverter.roles(null)).isEmpty();
    }
}
