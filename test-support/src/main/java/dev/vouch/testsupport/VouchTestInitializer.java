package dev.vouch.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

/**
 * Points a Spring context at the JVM's shared Kafka broker and Mongo server. Each context gets its own
 * database and consumer group, so cached contexts of different test classes never steal each other's records.
 */
public class VouchTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        VouchInfrastructure infrastructure = VouchInfrastructure.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String application = context.getEnvironment().getProperty("spring.application.name", "vouch");
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoConnectionString() + "/" + application.replace('-', '_')
                        + "_" + run + "?serverSelectionTimeoutMS=3000",
                "spring.kafka.consumer.group-id=" + application + "-" + run,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "management.server.port=",
                "vouch.consumer.initial-back-off=PT0.05S",
                "vouch.consumer.max-back-off=PT0.2S"
        ).applyTo(context);
    }
}
