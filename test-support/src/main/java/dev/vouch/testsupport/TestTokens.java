package dev.vouch.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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

/**
 * Mints JWTs the way an identity provider would, with a key pair made once per test JVM. Services under test
 * trust its public key ({@link #publicKeyLocation()}) and issuer ({@link #ISSUER}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.vouch.test/realms/test";

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

    /** A file URL of the PEM public key, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("vouch-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static JWTClaimsSet claims(String tenant, String subject, String issuer, Instant expiry, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
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
