package dev.vouch.kit.config;

import dev.vouch.kit.local.DevTokenController;
import dev.vouch.kit.local.ParentProcessWatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

import java.time.Clock;
import java.time.Duration;

/** The {@code local} profile's token endpoint. Without that profile, {@code /dev/token} does not exist. */
@AutoConfiguration
@Profile(VouchLocalAutoConfiguration.PROFILE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class VouchLocalAutoConfiguration {

    public static final String PROFILE = "local";

    @Bean
    DevTokenController devTokenController(
            @Value("${vouch.local.jwt.private-key-location}") Resource privateKey,
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location}") Resource publicKey,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            Clock clock) {
        return new DevTokenController(privateKey, publicKey, issuer, clock);
    }

    /** Set by the launcher: its pid, so that a service never outlives the stack it belongs to. */
    @Bean
    @ConditionalOnProperty("vouch.local.parent-pid")
    ApplicationRunner parentProcessWatch(@Value("${vouch.local.parent-pid}") long pid, ConfigurableApplicationContext context) {
        return args -> ParentProcessWatch.watch(pid, ParentProcessWatch.stopWithin(Duration.ofSeconds(3),
                () -> System.exit(SpringApplication.exit(context, () -> 0))));
    }
}
