package dev.vouch.kit.config;

import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Every service writes with write concern {@code majority} and journaled, set explicitly rather than left to the
 * server's default: a write is acknowledged (and its HTTP answer is 2xx, its event relayed, its Kafka offset
 * committed) only once a majority of the replica set has it in its on-disk journal, so neither a crash nor a
 * failover loses it. A write concern given in {@code spring.mongodb.uri} ({@code w=}, {@code journal=}) wins.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(WriteConcern.class)
public class VouchMongoAutoConfiguration {

    public static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

    @Bean
    MongoClientSettingsBuilderCustomizer vouchWriteConcern(MongoConnectionDetails connection) {
        return settings -> {
            if (connection.getConnectionString().getWriteConcern() == null) {
                settings.writeConcern(DURABLE);
            }
        };
    }
}
