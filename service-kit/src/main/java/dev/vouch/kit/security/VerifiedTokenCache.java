package dev.vouch.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A decoder that verifies each token's signature once and remembers the result for the token's next requests:
 * a client sends the same token with every call until it expires, and the RSA verification was the largest
 * single cost of a request. Only exact token strings that passed are kept, so a changed byte is verified anew;
 * every use runs the claim checks again (expiry with its skew, issuer, audience, tenant, subject), and an entry
 * lives at most {@code maxAge} and never past the token's own {@code exp}. A key the identity provider
 * withdraws stops being trusted for the tokens it signed within {@code maxAge} (see docs/operations.md).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    static final String METRIC_NAME = "vouch.verified_tokens";

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /** @param ticker what ages entries (the system's monotonic time; tests move their own) */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator,
                       VouchSecurityProperties.VerifiedTokens settings, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.validator = validator;
        Duration maxAge = settings.maxAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt, maxAge, clock.instant())))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    private static Duration lifetime(Jwt jwt, Duration maxAge, Instant now) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token); // verifies the signature and the claims, or throws
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return known;
    }

    /** Hits, misses, size and evictions, as {@code cache_*{cache="vouch.verified_tokens"}}. */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, verified, METRIC_NAME);
    }
}
