package dev.vouch.kit.local;

import dev.vouch.kit.config.VouchLocalAutoConfiguration;
import dev.vouch.kit.config.VouchSecurityAutoConfiguration;
import dev.vouch.kit.security.LocalKeyPair;
import dev.vouch.kit.security.TokenSettingsFailureAnalyzer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How the local profile's settings decide which tokens a service mints and trusts, and which it refuses to start with. */
class LocalTokenSettingsTest {

    @TempDir
    Path dir;

    WebApplicationContextRunner local;
    Path publicKey;
    Path otherPublicKey;

    @BeforeEach
    void keys() throws Exception {
        KeyPair pair = pair();
        Path privateKey = Files.writeString(dir.resolve("private.pem"), DevTokenControllerTest.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        publicKey = Files.writeString(dir.resolve("public.pem"), DevTokenControllerTest.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        otherPublicKey = Files.writeString(dir.resolve("other.pem"), DevTokenControllerTest.pem("PUBLIC KEY", pair().getPublic().getEncoded()));
        local = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(VouchSecurityAutoConfiguration.class, VouchLocalAutoConfiguration.class))
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("spring.profiles.active=local", "vouch.local.dev-tokens=true",
                        LocalKeyPair.PRIVATE_KEY_SETTING + "=" + privateKey.toUri(),
                        LocalKeyPair.PUBLIC_KEY_SETTING + "=" + publicKey.toUri());
    }

    @Test
    void theLocalProfileMintsTokensItsOwnDecoderAccepts() {
        local.run(context -> {
            assertThat(context).hasNotFailed();
            String token = context.getBean(DevTokenController.class).token("demo-school", "ana", "STUDENT", Duration.ofMinutes(5));
            Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
            assertThat(jwt.getIssuer().toString()).isEqualTo(LocalKeyPair.ISSUER);
            assertThat(jwt.getAudience()).containsExactly("vouch-api");
        });
    }

    @Test
    void devTokensBesideAnExternalIssuerOrJwkSetStopTheStartNamingTheSettings() {
        for (String external : new String[] {
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.school.edu/realms/prod",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://login.school.edu/certs"}) {
            local.withPropertyValues(external).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new TokenSettingsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("vouch.local.dev-tokens").contains(external.substring(0, external.indexOf('=')));
                assertThat(analysis.getAction()).contains("vouch.local.dev-tokens=false");
            });
        }
    }

    @Test
    void withDevTokensOffTheServiceTrustsOnlyTheIdentityProviderAndHasNoTokenEndpoint() {
        local.withPropertyValues("vouch.local.dev-tokens=false",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.school.edu/realms/prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DevTokenController.class);
            assertThat(context).doesNotHaveBean(LocalKeyPair.class);
            assertThat(context).hasSingleBean(JwtDecoder.class);
        });
    }

    @Test
    void aMissingOrMismatchedLocalKeyStopsTheStart() {
        local.withPropertyValues(LocalKeyPair.PUBLIC_KEY_SETTING + "=" + otherPublicKey.toUri()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(new TokenSettingsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains("does not match").contains(LocalKeyPair.PUBLIC_KEY_SETTING);
        });
        local.withPropertyValues(LocalKeyPair.PRIVATE_KEY_SETTING + "=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(new TokenSettingsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains(LocalKeyPair.PRIVATE_KEY_SETTING);
        });
    }

    @Test
    void withoutTheLocalProfileThereIsNoTokenEndpointWhateverTheSettings() {
        local.withPropertyValues("spring.profiles.active=default",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.school.edu/realms/prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DevTokenController.class);
        });
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
