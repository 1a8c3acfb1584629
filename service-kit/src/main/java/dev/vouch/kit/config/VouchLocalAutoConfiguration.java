package dev.vouch.kit.config;

import dev.vouch.kit.local.DevTokenController;
import dev.vouch.kit.local.ParentProcessWatch;
import dev.vouch.kit.security.LocalKeyPair;
import dev.vouch.kit.security.VouchSecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

import java.time.Clock;
import java.time.Duration;

/**
 * The {@code local} profile: the token endpoint (unless {@code vouch.local.dev-tokens=false}) and the watch on the
 * launcher. Without that profile, {@code /dev/token} does not exist.
 */
@AutoConfiguration
@Profile(VouchLocalAutoConfiguration.PROFILE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class VouchLocalAutoConfiguration {

    public static final String PROFILE = "local";
    /** On by default under the local profile (vouch-defaults.yml); off when the services trust an identity provider. */
    public static final String DEV_TOKENS = "vouch.local.dev-tokens";

    /** The key pair /dev/token signs with; also the only key the service then trusts (VouchSecurityAutoConfiguration). */
    @Bean
    @ConditionalOnBooleanProperty(DEV_TOKENS)
    LocalKeyPair localKeyPair(@Value("${" + LocalKeyPair.PRIVATE_KEY_SETTING + ":#{null}}") Resource privateKey,
                              @Value("${" + LocalKeyPair.PUBLIC_KEY_SETTING + ":#{null}}") Resource publicKey) {
        return LocalKeyPair.load(privateKey, publicKey);
    }

    @Bean
    @ConditionalOnBooleanProperty(DEV_TOKENS)
    DevTokenController devTokenController(LocalKeyPair keys, VouchSecurityProperties security, Clock clock) {
        return new DevTokenController(keys, security.audience(), clock);
    }

    /** Set by the launcher: its pid, so that a service never outlives the stack it belongs to. */
    @Bean
    @ConditionalOnProperty("vouch.local.parent-pid")
    ApplicationRunner parentProcessWatch(@Value("${vouch.local.parent-pid}") long pid, ConfigurableApplicationContext context) {
        return args -> ParentProcessWatch.watch(pid, ParentProcessWatch.stopWithin(Duration.ofSeconds(3),
                () -> System.exit(SpringApplication.exit(context, () -> 0))));
    }
}
