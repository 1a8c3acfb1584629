package dev.vouch.kit.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule a token must pass, on a fixed clock, and the settings a service refuses to start with. */
class JwtDecodersTest {

    static final String ISSUER = "https://login.example/realms/school";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final VouchSecurityProperties SECURITY = new VouchSecurityProperties("vouch-api", Duration.ofSeconds(30));
    static final OAuth2TokenValidator<Jwt> VALIDATOR =
            JwtDecoders.validator(ISSUER, SECURITY, Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    static Jwt token(UnaryOperator<Jwt.Builder> change) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer(ISSUER).subject("ana").audience(List.of("vouch-api", "account"))
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(600))
                .claim("tenant", "demo-school").claim("roles", List.of("STUDENT"));
        return change.apply(jwt).build();
    }

    static List<String> errors(Jwt jwt) {
        return VALIDATOR.validate(jwt).getErrors().stream().map(OAuth2Error::getDescription).toList();
    }

    @Test
    void aTokenWithEveryClaimRightPasses() {
        assertThat(errors(token(jwt -> jwt))).isEmpty();
    }

    @Test
    void expIsRequiredAndCheckedWithTheClockSkew() {
        assertThat(errors(token(jwt -> jwt.claims(claims -> claims.remove("exp"))))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.expiresAt(NOW.minusSeconds(31))))).anyMatch(e -> e.contains("expired"));
        assertThat(errors(token(jwt -> jwt.expiresAt(NOW.minusSeconds(29))))).isEmpty();
    }

    @Test
    void theClockSkewIsASetting() {
        OAuth2TokenValidator<Jwt> strict = JwtDecoders.validator(ISSUER,
                new VouchSecurityProperties("vouch-api", Duration.ZERO), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(strict.validate(token(jwt -> jwt.expiresAt(NOW.minusSeconds(1)))).hasErrors()).isTrue();
        assertThat(errors(token(jwt -> jwt.expiresAt(NOW.minusSeconds(1))))).isEmpty();
    }

    @Test
    void nbfInTheFutureIsRefused() {
        assertThat(errors(token(jwt -> jwt.notBefore(NOW.plusSeconds(31))))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.notBefore(NOW.minusSeconds(5))))).isEmpty();
    }

    @Test
    void theIssuerMustMatchExactly() {
        assertThat(errors(token(jwt -> jwt.issuer(ISSUER + "/")))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.issuer("https://login.example/realms/master")))).isNotEmpty();
    }

    @Test
    void theAudienceMustNameTheApi() {
        assertThat(errors(token(jwt -> jwt.audience(List.of("account"))))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.claims(claims -> claims.remove("aud"))))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.audience(List.of("vouch-api"))))).isEmpty();
    }

    @Test
    void tenantMustBeANonBlankString() {
        assertThat(errors(token(jwt -> jwt.claims(claims -> claims.remove("tenant"))))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.claim("tenant", " ")))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.claim("tenant", 42)))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.claim("tenant", List.of("demo-school"))))).isNotEmpty();
    }

    @Test
    void subMustBeANonBlankString() {
        assertThat(errors(token(jwt -> jwt.claims(claims -> claims.remove("sub"))))).isNotEmpty();
        assertThat(errors(token(jwt -> jwt.subject("")))).isNotEmpty();
    }

    @Test
    void withoutAnIssuerTheServiceDoesNotStart() {
        OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties().getJwt();
        settings.setJwkSetUri("https://login.example/certs");
        assertThatThrownBy(() -> JwtDecoders.forIssuer(settings, SECURITY))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining("jwt.issuer-uri");
    }

    @Test
    void aKeyFileBesideAJwkSetIsRefusedRatherThanOneSilentlyIgnored() throws Exception {
        OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties().getJwt();
        settings.setIssuerUri(ISSUER);
        settings.setJwkSetUri("https://login.example/certs");
        settings.setPublicKeyLocation(new FileSystemResource(write(pair()).publicKey));
        assertThatThrownBy(() -> JwtDecoders.forIssuer(settings, SECURITY))
                .isInstanceOf(TokenSettingsException.class)
                .hasMessageContaining("jwt.jwk-set-uri").hasMessageContaining("jwt.public-key-location");
    }

    @Test
    void devTokensBesideAnyIdentityProviderSettingAreRefused() throws Exception {
        KeyFiles keys = write(pair());
        LocalKeyPair local = LocalKeyPair.load(new FileSystemResource(keys.privateKey), new FileSystemResource(keys.publicKey));
        for (UnaryOperator<OAuth2ResourceServerProperties.Jwt> external : List.<UnaryOperator<OAuth2ResourceServerProperties.Jwt>>of(
                jwt -> { jwt.setIssuerUri("https://login.school.edu/realms/prod"); return jwt; },
                jwt -> { jwt.setJwkSetUri("https://login.school.edu/certs"); return jwt; },
                jwt -> { jwt.setPublicKeyLocation(new FileSystemResource(keys.publicKey)); return jwt; })) {
            OAuth2ResourceServerProperties.Jwt settings = external.apply(new OAuth2ResourceServerProperties().getJwt());
            assertThatThrownBy(() -> JwtDecoders.forLocalKeys(local, settings, SECURITY))
                    .isInstanceOf(TokenSettingsException.class)
                    .hasMessageContaining("vouch.local.dev-tokens")
                    .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.");
        }
    }

    @Test
    void aMissingEmptyOrMismatchedLocalKeyIsRefusedNamingTheSetting() throws Exception {
        KeyFiles keys = write(pair());
        KeyFiles other = write(pair());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> LocalKeyPair.load(new FileSystemResource(dir.resolve("nope.pem")), new FileSystemResource(keys.publicKey)))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining(LocalKeyPair.PRIVATE_KEY_SETTING);
        assertThatThrownBy(() -> LocalKeyPair.load(null, new FileSystemResource(keys.publicKey)))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining(LocalKeyPair.PRIVATE_KEY_SETTING);
        assertThatThrownBy(() -> LocalKeyPair.load(new FileSystemResource(keys.privateKey), new FileSystemResource(empty)))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining(LocalKeyPair.PUBLIC_KEY_SETTING);
        assertThatThrownBy(() -> LocalKeyPair.load(new FileSystemResource(keys.privateKey), new FileSystemResource(other.publicKey)))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining("does not match")
                .hasMessageContaining(LocalKeyPair.PUBLIC_KEY_SETTING).hasMessageContaining(LocalKeyPair.PRIVATE_KEY_SETTING);
        assertThat(LocalKeyPair.load(new FileSystemResource(keys.privateKey), new FileSystemResource(keys.publicKey))).isNotNull();
    }

    @Test
    void anHmacTokenSignedWithThePublicKeyIsRefused() throws Exception {
        KeyPair pair = pair();
        OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties().getJwt();
        settings.setIssuerUri(ISSUER);
        settings.setPublicKeyLocation(new FileSystemResource(write(pair).publicKey));
        String forged = hs256(pem("PUBLIC KEY", pair.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> JwtDecoders.forIssuer(settings, SECURITY).decode(forged))
                .isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new VouchSecurityProperties(" ", Duration.ZERO))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining("vouch.security.audience");
        assertThatThrownBy(() -> new VouchSecurityProperties("vouch-api", Duration.ofSeconds(-1)))
                .isInstanceOf(TokenSettingsException.class).hasMessageContaining("vouch.security.clock-skew");
    }

    private static String hs256(byte[] secret) throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(ISSUER).subject("ana").audience("vouch-api")
                        .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600))).claim("tenant", "demo-school").build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret));
        return jwt.serialize();
    }

    record KeyFiles(Path privateKey, Path publicKey) {
    }

    private KeyFiles write(KeyPair pair) throws Exception {
        Path folder = Files.createTempDirectory(dir, "keys");
        return new KeyFiles(Files.writeString(folder.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded())),
                Files.writeString(folder.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded())));
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
