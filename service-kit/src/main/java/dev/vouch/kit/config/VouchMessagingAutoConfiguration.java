package dev.vouch.kit.config;

import dev.vouch.events.Topics;
import dev.vouch.kit.messaging.ConsumedEventsInterceptor;
import dev.vouch.kit.messaging.DeadLetters;
import dev.vouch.kit.messaging.EventMetrics;
import dev.vouch.kit.messaging.EventPublisher;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.OutboxRelay;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.kit.outbox.OutboxSweeper;
import dev.vouch.kit.time.MillisecondClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/** The outbox, its relay, event publishing and the one consumer error policy. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties(VouchProperties.class)
@EnableScheduling
public class VouchMessagingAutoConfiguration {

    /** The one clock: ticks in milliseconds, as MongoDB keeps time, so what a service answers is what it stored. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return MillisecondClock.systemUtc();
    }

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    EventFactory eventFactory(VouchProperties properties, Clock clock) {
        return new EventFactory(properties.serviceName(), clock);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> kafkaTemplate, EventMetrics metrics) {
        return new EventPublisher(kafkaTemplate, metrics);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, Clock clock, VouchProperties properties,
                            MeterRegistry registry) {
        return new OutboxRelay(mongo, publisher, clock, properties.outbox().sweepGrace(),
                properties.outbox().sendTimeout(), properties.outbox().batchSize(), properties.outbox().sweepLimit(),
                Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "outbox-relay");
                    thread.setDaemon(true);
                    return thread;
                }),
                registry);
    }

    @Bean
    StudentIndex studentIndex(MongoTemplate mongo) {
        StudentIndex index = new StudentIndex(mongo);
        index.ensureIndexes();
        return index;
    }

    @Bean
    EventOutbox eventOutbox(MongoTemplate mongo, OutboxRelay relay, EventFactory events, StudentIndex students) {
        return new EventOutbox(mongo, relay, events, students);
    }

    @Bean
    @ConditionalOnProperty(name = "vouch.outbox.sweep-enabled", havingValue = "true", matchIfMissing = true)
    OutboxSweeper outboxSweeper(OutboxRelay relay, VouchProperties properties, Clock clock) {
        return new OutboxSweeper(relay, properties.outbox().sweepInterval(), properties.outbox().fullSweepInterval(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler vouchErrorHandler(KafkaTemplate<String, Object> kafkaTemplate, EventMetrics metrics,
                                         VouchProperties properties) {
        return DeadLetters.errorHandler(kafkaTemplate, metrics, properties.consumer());
    }

    @Bean
    ConsumedEventsInterceptor consumedEventsInterceptor(EventMetrics metrics) {
        return new ConsumedEventsInterceptor(metrics);
    }

    /**
     * For listeners that take a whole poll at once ({@code containerFactory = "batchListenerFactory"}) and write
     * it to MongoDB in bulk. Same error policy: a listener throws
     * {@link org.springframework.kafka.listener.BatchListenerFailedException} naming the failing record, the
     * records before it are committed, and that record is retried and then dead-lettered.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean
    @ConditionalOnProperty(name = "vouch.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics vouchTopics(VouchProperties properties) {
        VouchProperties.Kafka kafka = properties.kafka();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, kafka.partitions(), kafka.replicationFactor())
                    .configs(java.util.Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(kafka.retentionMs()))));
            topics.add(new NewTopic(Topics.deadLetter(topic), kafka.partitions(), kafka.replicationFactor())
                    .configs(java.util.Map.of(TopicConfig.RETENTION_MS_CONFIG,
                            String.valueOf(kafka.deadLetterRetention().toMillis()))));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
