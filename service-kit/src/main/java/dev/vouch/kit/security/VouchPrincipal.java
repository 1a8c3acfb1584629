package dev.vouch.kit.security;

import java.security.Principal;
import java.util.Set;

/** Who is calling: the token's subject, institution and roles. */
public record VouchPrincipal(String subject, String tenant, Set<Role> roles) implements Principal {

    public VouchPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String getName() {
        return subject;
    }
}
