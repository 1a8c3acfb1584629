package dev.vouch.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signatures verified once per token, claims checked at every use, on a clock and a ticker the test moves. */
class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final VouchSecurityProperties SECURITY = new VouchSecurityProperties("vouch-api", Duration.ofSeconds(30),
            new VouchSecurityProperties.VerifiedTokens(100, Duration.ofMinutes(5)));
    static KeyPair keys;

    final MovingClock clock = new MovingClock();
    final AtomicInteger verified = new AtomicInteger();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void aTokenIsVerifiedOnceAndServedAgainWhileValid() throws Exception {
        JwtDecoder decoder = cachedDecoder(SECURITY);
        String token = sign("ana", NOW.plusSeconds(3600));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("ana");
        clock.move(Duration.ofMinutes(1));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("ana");
        assertThat(verified).hasValue(1);
        assertThat(decoder.decode(sign("ben", NOW.plusSeconds(3600))).getSubject()).isEqualTo("ben");
        assertThat(verified).hasValue(2);
    }

    @Test
    void aTokenWithOneByteChangedIsVerifiedAndRefusedThoughItsOriginalIsKnown() throws Exception {
        JwtDecoder decoder = cachedDecoder(SECURITY);
        String token = sign("ana", NOW.plusSeconds(3600));
        decoder.decode(token);
        int last = token.length() - 2;
        String forged = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.charAt(last + 1);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verified).hasValue(2);
    }

    @Test
    void aKnownTokenIsRefusedOnceItExpiredBeyondTheSkew() throws Exception {
        JwtDecoder decoder = cachedDecoder(new VouchSecurityProperties("vouch-api", Duration.ofSeconds(30),
                new VouchSecurityProperties.VerifiedTokens(100, Duration.ofHours(2))));
        String token = sign("ana", NOW.plusSeconds(60));
        decoder.decode(token);
        clock.move(Duration.ofSeconds(80)); // within the skew: still good
        assertThat(decoder.decode(token).getSubject()).isEqualTo("ana");
        clock.move(Duration.ofSeconds(20));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        JwtDecoder decoder = cachedDecoder(SECURITY);
        String token = sign("ana", NOW.plusSeconds(3600));
        decoder.decode(token);
        clock.move(Duration.ofMinutes(4));
        decoder.decode(token);
        assertThat(verified).hasValue(1);
        clock.move(Duration.ofMinutes(2));
        decoder.decode(token);
        assertThat(verified).hasValue(2);
    }

    @Test
    void hitsAndMissesAreCounted() throws Exception {
        JwtDecoder decoder = cachedDecoder(SECURITY);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ((VerifiedTokenCache) decoder).bindTo(registry);
        String token = sign("ana", NOW.plusSeconds(3600));
        decoder.decode(token);
        decoder.decode(token);
        decoder.decode(token);
        assertThat(registry.get("cache.gets").tag("cache", VerifiedTokenCache.METRIC_NAME).tag("result", "hit")
                .functionCounter().count()).isEqualTo(2.0);
        assertThat(registry.get("cache.gets").tag("cache", VerifiedTokenCache.METRIC_NAME).tag("result", "miss")
                .functionCounter().count()).isEqualTo(1.0);
    }

    @Test
    void aMaximumSizeOfZeroVerifiesEveryToken() {
        JwtDecoder verifier = verifier(JwtDecoders.validator(LocalKeyPair.ISSUER, SECURITY, clock));
        VouchSecurityProperties off = new VouchSecurityProperties("vouch-api", Duration.ofSeconds(30),
                new VouchSecurityProperties.VerifiedTokens(0, Duration.ofMinutes(5)));
        assertThat(JwtDecoders.cached(verifier, JwtDecoders.validator(LocalKeyPair.ISSUER, off, clock), off, clock, clock::nanos))
                .isSameAs(verifier);
        assertThatThrownBy(() -> new VouchSecurityProperties.VerifiedTokens(-1, Duration.ofMinutes(5)))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining("max-size");
    }

    private JwtDecoder cachedDecoder(VouchSecurityProperties security) {
        OAuth2TokenValidator<Jwt> validator = JwtDecoders.validator(LocalKeyPair.ISSUER, security, clock);
        return JwtDecoders.cached(verifier(validator), validator, security, clock, clock::nanos);
    }

    private JwtDecoder verifier(OAuth2TokenValidator<Jwt> validator) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        nimbus.setJwtValidator(validator);
        return token -> {
            verified.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private static String sign(String subject, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(LocalKeyPair.ISSUER).subject(subject)
                .audience(List.of("vouch-api")).issueTime(Date.from(NOW)).expirationTime(Date.from(expires))
                .claim("tenant", "demo-school").claim("roles", List.of("STUDENT")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    /** A clock that also serves as the cache's ticker. */
    static final class MovingClock extends Clock {
        private Instant now = NOW;

        void move(Duration by) {
            now = now.plus(by);
        }

        long nanos() {
            return Duration.between(NOW, now).toNanos();
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
