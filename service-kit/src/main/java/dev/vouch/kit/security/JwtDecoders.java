package dev.vouch.kit.security;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the service's JWT decoder from the standard {@code spring.security.oauth2.resourceserver.jwt.*}
 * properties: a public key file (the local stack and tests), a JWK set URI, or an issuer's discovery
 * document (Keycloak and other identity providers). Besides signature and expiry it checks the issuer when
 * one is configured and requires the {@code tenant} claim, so every authenticated call has an institution.
 */
public final class JwtDecoders {

    private JwtDecoders() {
    }

    public static JwtDecoder from(OAuth2ResourceServerProperties.Jwt jwt) {
        OAuth2TokenValidator<Jwt> validator = validator(jwt.getIssuerUri());
        if (jwt.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(jwt.getPublicKeyLocation())).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (StringUtils.hasText(jwt.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (StringUtils.hasText(jwt.getIssuerUri())) {
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri()).build();
                decoder.setJwtValidator(validator);
                return decoder;
            });
        }
        throw new IllegalStateException("Configure spring.security.oauth2.resourceserver.jwt.public-key-location, "
                + "jwk-set-uri or issuer-uri");
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        if (StringUtils.hasText(issuer)) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        validators.add(new JwtClaimValidator<Object>(VouchJwtConverter.TENANT_CLAIM,
                tenant -> tenant instanceof String text && !text.isBlank()));
        validators.add(new JwtClaimValidator<Object>("sub", sub -> sub instanceof String text && !text.isBlank()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    static RSAPublicKey readPublicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the JWT public key at " + location, e);
        }
    }
}
