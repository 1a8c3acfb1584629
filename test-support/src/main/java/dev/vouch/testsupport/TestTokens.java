package dev.vouch.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints JWTs the way an identity provider would, with a key pair made once per test JVM: issuer {@link #ISSUER},
 * audience {@link #AUDIENCE}, an hour's {@code exp}. Services under test trust its public key
 * ({@link #publicKeyLocation()}) and issuer. {@link #withClaims} and the other factories make the tokens that
 * must be refused.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.vouch.test/realms/test";
    /** The services' default {@code vouch.security.audience}. */
    public static final String AUDIENCE = "vouch-api";

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static String student(String tenant, String studentId) {
        return token(tenant, studentId, "STUDENT");
    }

    public static String advisor(String tenant, String advisorId) {
        return token(tenant, advisorId, "ADVISOR");
    }

    public static String token(String tenant, String subject, String... roles) {
        return sign(KEYS.getPrivate(), claims(tenant, subject, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    public static String expired(String tenant, String subject, String... roles) {
        return sign(KEYS.getPrivate(), claims(tenant, subject, ISSUER, Instant.now().minus(Duration.ofHours(1)), roles));
    }

    public static String signedByStranger(String tenant, String subject, String... roles) {
        return sign(STRANGER.getPrivate(), claims(tenant, subject, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    public static String fromIssuer(String issuer, String tenant, String subject, String... roles) {
        return sign(KEYS.getPrivate(), claims(tenant, subject, issuer, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    /** A student token of {@link #ISSUER} with its claims changed, e.g. {@code claims -> claims.audience("other")}. */
    public static String withClaims(String tenant, String subject, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(
                claims(tenant, subject, ISSUER, Instant.now().plus(Duration.ofHours(1)), "STUDENT"));
        return sign(KEYS.getPrivate(), change.apply(claims).build());
    }

    /**
     * The classic algorithm-confusion attack: an HS256 token whose HMAC secret is the issuer's public key, which an
     * attacker knows. A decoder that lets the token pick its algorithm would verify it.
     */
    public static String hmacSignedWithPublicKey(String tenant, String subject, String... roles) {
        return hmacSignedWith(publicKeyPem().getBytes(StandardCharsets.US_ASCII),
                claims(tenant, subject, ISSUER, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    /** An HS256 token with the given secret (at least 32 bytes) as the HMAC key. */
    public static String hmacSignedWith(byte[] secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file URL of the PEM public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("vouch-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, publicKeyPem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static JWTClaimsSet claims(String tenant, String subject, String issuer, Instant expiry, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(expiry.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expiry))
                .claim("roles", List.of(roles));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims.build();
    }

    private static String sign(PrivateKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
