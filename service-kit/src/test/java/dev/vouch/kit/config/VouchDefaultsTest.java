package dev.vouch.kit.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's defaults come from vouch-defaults.yml, which a service imports and may override. */
class VouchDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VouchProperties.class)
    static class WithProperties {
    }

    private static Environment environment(String... profiles) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).profiles(profiles)
                .properties("spring.config.location=classpath:defaults-check/service.yml")
                .run()) {
            return context.getEnvironment();
        }
    }

    @Test
    void theDefaultsApplyAndTheServiceFileOverridesThem() {
        Environment environment = environment();
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("check-service");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState,mongo,kafka");
        assertThat(environment.getProperty("springdoc.api-docs.version")).isEqualTo("openapi_3_1");
        assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms")).isEqualTo("20");
        assertThat(environment.getProperty("vouch.local.dev-tokens")).isNull();
    }

    @Test
    void theLocalProfileTurnsOnTheLocalTokensAndNothingElse() {
        Environment environment = environment("local");
        assertThat(environment.getProperty("vouch.local.dev-tokens")).isEqualTo("true");
        assertThat(environment.getProperty("vouch.local.jwt.public-key-location")).isEqualTo("file:./data/jwt/public.pem");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isNull();
        assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms")).isEqualTo("20");
    }

    @Test
    void aSettingOutOfRangeStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WithProperties.class).web(WebApplicationType.NONE)
                .properties("vouch.outbox.sweep-limit=0").run().close())
                .hasStackTraceContaining("vouch.outbox")
                .hasStackTraceContaining("sweepLimit");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WithProperties.class)
                .web(WebApplicationType.NONE).properties("vouch.outbox.sweep-limit=50").run()) {
            assertThat(context.getBean(VouchProperties.class).outbox().sweepLimit()).isEqualTo(50);
        }
    }
}
