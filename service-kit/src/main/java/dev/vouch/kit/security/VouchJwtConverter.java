package dev.vouch.kit.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a validated JWT into a {@link VouchAuthentication}: {@code sub}, {@code tenant}, and {@code roles}
 * (a list, or a comma-separated string). Unknown roles are ignored.
 */
public class VouchJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLES_CLAIM = "roles";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt.getClaim(ROLES_CLAIM));
        VouchPrincipal principal = new VouchPrincipal(jwt.getSubject(), jwt.getClaimAsString(TENANT_CLAIM), roles);
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return new VouchAuthentication(jwt, principal, authorities);
    }

    static Set<Role> roles(Object claim) {
        Collection<?> values;
        if (claim instanceof Collection<?> collection) {
            values = collection;
        } else if (claim instanceof String text) {
            values = List.of(text.split(","));
        } else {
            values = List.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String name = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
