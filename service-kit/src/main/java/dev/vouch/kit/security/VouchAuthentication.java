package dev.vouch.kit.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.util.Collection;
import java.util.Map;

/** An authenticated bearer token whose principal is a {@link VouchPrincipal}. */
public class VouchAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final VouchPrincipal principal;

    public VouchAuthentication(Jwt jwt, VouchPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, principal, jwt, authorities);
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public VouchPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return principal.subject();
    }
}
