package dev.vouch.kit.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defaults every Vouch service shares, added with the lowest precedence so that a service's
 * application.yml, the environment or the command line can override each of them.
 */
public class VouchDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "vouchDefaults";
    /** Issuer of the local stack's tokens. */
    public static final String LOCAL_ISSUER = "http://localhost/vouch-local";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Kafka: idempotent, fully acknowledged publishing; raw bytes in, decoded by the kit.
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "dev.vouch.kit.messaging.EventValueSerializer");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.block.ms", "10000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
        defaults.put("spring.kafka.producer.properties.linger.ms", "5");
        defaults.put("spring.kafka.producer.properties.batch.size", "65536"); // the relay sends a batch at a time
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.listener.observation-enabled", "false");
        // Operations: Prometheus on the management port, probes with readiness on Kafka and MongoDB.
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,kafka");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.metrics.tags.service", "${spring.application.name}");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // API description as OpenAPI 3.1 (errors are problem+json through the kit's ProblemHandler).
        defaults.put("springdoc.api-docs.version", "openapi_3_1");
        defaults.put("springdoc.paths-to-match", "/api/**");
        defaults.put("spring.threads.virtual.enabled", "false");
        if (environment.matchesProfiles(VouchLocalAutoConfiguration.PROFILE)) {
            // The local stack: tokens signed with a key pair kept in its data folder (see /dev/token).
            defaults.put("vouch.local.data-dir", "./data");
            defaults.put("vouch.local.jwt.private-key-location", "file:${vouch.local.data-dir}/jwt/private.pem");
            defaults.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                    "file:${vouch.local.data-dir}/jwt/public.pem");
            defaults.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", LOCAL_ISSUER);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
