package dev.vouch.kit.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's JWT decoder: exactly one source of keys and one issuer, or the service does not start.
 * <ul>
 *   <li>An identity provider: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (keys from its discovery
 *       document) with, optionally, either {@code jwk-set-uri} or {@code public-key-location} for the keys.</li>
 *   <li>The local stack's own key pair ({@link LocalKeyPair}, under the fixed {@link LocalKeyPair#ISSUER}), only when
 *       none of those settings is given.</li>
 * </ul>
 * Every token must then pass the same checks: signature with an algorithm the key supports (RS256 for a key file,
 * those of the JWK set otherwise, never HMAC), {@code iss}, {@code exp} (required) and {@code nbf} within
 * {@code vouch.security.clock-skew}, {@code aud} containing {@code vouch.security.audience}, a non-blank string
 * {@code sub} and {@code tenant}. A token's signature is verified once and remembered for its next requests
 * ({@link VerifiedTokenCache}); the claims are checked at every request.
 */
public final class JwtDecoders {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    private JwtDecoders() {
    }

    /** Tokens of the configured identity provider. */
    public static JwtDecoder forIssuer(OAuth2ResourceServerProperties.Jwt jwt, VouchSecurityProperties security) {
        String issuer = jwt.getIssuerUri();
        boolean jwkSet = StringUtils.hasText(jwt.getJwkSetUri());
        if (!StringUtils.hasText(issuer)) {
            throw new TokenSettingsException(PREFIX + "issuer-uri is not set: the service would not know whose tokens to trust",
                    "Set " + PREFIX + "issuer-uri (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) to the identity "
                            + "provider's issuer, or run under the local profile with its own tokens.");
        }
        if (jwkSet && jwt.getPublicKeyLocation() != null) {
            throw new TokenSettingsException("Both " + PREFIX + "jwk-set-uri (" + jwt.getJwkSetUri() + ") and " + PREFIX
                    + "public-key-location (" + jwt.getPublicKeyLocation() + ") are set: only one may say which keys sign tokens",
                    "Remove one of the two settings.");
        }
        OAuth2TokenValidator<Jwt> validator = validator(issuer, security);
        if (jwt.getPublicKeyLocation() != null) {
            return cached(withKey(readPublicKey(jwt.getPublicKeyLocation()), validator), validator, security);
        }
        if (jwkSet) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).discoverJwsAlgorithms().build();
            decoder.setJwtValidator(validator);
            return cached(decoder, validator, security);
        }
        // Resolved at the first call, so a service starts while its identity provider is still starting.
        return cached(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }), validator, security);
    }

    /**
     * Tokens of the local stack's {@code /dev/token}. Refused beside any identity-provider setting: a service that
     * mints its own tokens must never do so while it looks like a production issuer's.
     */
    public static JwtDecoder forLocalKeys(LocalKeyPair keys, OAuth2ResourceServerProperties.Jwt jwt,
                                          VouchSecurityProperties security) {
        List<String> external = new ArrayList<>();
        if (StringUtils.hasText(jwt.getIssuerUri())) {
            external.add(PREFIX + "issuer-uri=" + jwt.getIssuerUri());
        }
        if (StringUtils.hasText(jwt.getJwkSetUri())) {
            external.add(PREFIX + "jwk-set-uri=" + jwt.getJwkSetUri());
        }
        if (jwt.getPublicKeyLocation() != null) {
            external.add(PREFIX + "public-key-location=" + jwt.getPublicKeyLocation());
        }
        if (!external.isEmpty()) {
            throw new TokenSettingsException("/dev/token (vouch.local.dev-tokens=true, local profile) cannot run beside "
                    + String.join(", ", external) + ": it would mint tokens for any tenant and role that the service accepts",
                    "To trust the identity provider, set vouch.local.dev-tokens=false (the local launcher does so with"
                            + " --issuer-uri); to use the local tokens, remove the " + PREFIX + "* settings.");
        }
        OAuth2TokenValidator<Jwt> validator = validator(LocalKeyPair.ISSUER, security);
        return cached(withKey(keys.publicKey(), validator), validator, security);
    }

    private static JwtDecoder cached(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator,
                                     VouchSecurityProperties security) {
        return cached(verifier, validator, security, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** The verifier behind a {@link VerifiedTokenCache}, unless the settings turn it off. */
    static JwtDecoder cached(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator,
                             VouchSecurityProperties security, Clock clock, Ticker ticker) {
        return security.verifiedTokens().enabled()
                ? new VerifiedTokenCache(verifier, validator, security.verifiedTokens(), clock, ticker)
                : verifier;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, VouchSecurityProperties security) {
        // The identity provider's clock, not the service's injected one: tests move the latter by days.
        return validator(issuer, security, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, VouchSecurityProperties security, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(issuer));
        validators.add(new JwtAudienceValidator(security.audience()));
        validators.add(new JwtClaimValidator<Object>(VouchJwtConverter.TENANT_CLAIM, JwtDecoders::nonBlankText));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, JwtDecoders::nonBlankText));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static boolean nonBlankText(Object claim) {
        return claim instanceof String text && !text.isBlank();
    }

    /** RS256 only: the algorithm of an RSA key file, so an HMAC token "signed" with the public key is refused. */
    private static JwtDecoder withKey(RSAPublicKey key, OAuth2TokenValidator<Jwt> validator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    static RSAPublicKey readPublicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException | RuntimeException e) {
            throw new TokenSettingsException(PREFIX + "public-key-location (" + location + ") is not a readable RSA public key: "
                    + e.getMessage(), "Point it at an X.509 PEM file, or remove it to fetch keys from the issuer.", e);
        }
    }
}
