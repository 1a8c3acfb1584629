package dev.vouch.kit.config;

import dev.vouch.kit.health.KafkaHealthIndicator;
import dev.vouch.kit.health.MongoPingHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/** Health of the two things every service needs: Kafka and MongoDB. Both belong to readiness only. */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class VouchHealthAutoConfiguration {

    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthContributor")
    KafkaHealthIndicator kafkaHealthContributor(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin, Duration.ofSeconds(3));
    }
}
