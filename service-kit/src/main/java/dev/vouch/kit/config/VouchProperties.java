package dev.vouch.kit.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings shared by every Vouch service, under {@code vouch.*}. Each default is written here once;
 * docs/operations.md lists them.
 *
 * @param serviceName this service's name: the CloudEvents source is {@code /vouch/<service-name>}
 */
@ConfigurationProperties("vouch")
@Validated
public record VouchProperties(
        @DefaultValue("vouch") String serviceName,
        @DefaultValue Kafka kafka,
        @DefaultValue @Valid Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Web web) {

    /**
     * @param partitions          partitions of each Vouch topic when the service creates it
     * @param replicationFactor   replication factor of each Vouch topic when the service creates it
     * @param retentionMs         retention of the event topics; -1 keeps everything so projections can be rebuilt
     * @param deadLetterRetention retention of the dead-letter topics
     * @param createTopics        whether the service creates the topics at start (off when a platform team does)
     */
    public record Kafka(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                        @DefaultValue("-1") long retentionMs, @DefaultValue("30d") Duration deadLetterRetention,
                        @DefaultValue("true") boolean createTopics) {
    }

    /**
     * @param sweepEnabled  whether the periodic sweep runs (tests that drive the relay by hand switch it off)
     * @param sweepInterval     how soon after a start, and how often while publishes are failing (a broker
     *                          outage), the relay sweeps for events left behind
     * @param fullSweepInterval how often it sweeps when all is well, for what another instance that stopped
     *                          for good left behind (a sweep searches every outbox collection)
     * @param sweepGrace        events younger than this are left to the publish that follows the write
     * @param sendTimeout       how long one publish may wait for the broker's acknowledgement
     * @param batchSize         how many documents the relay reads, sends and clears in one round
     * @param sweepLimit        how many documents with pending events one sweep reads per collection; when it
     *                          finds that many, some of them left behind, the next sweep follows at
     *                          {@code sweepInterval}
     */
    public record Outbox(@DefaultValue("true") boolean sweepEnabled, @DefaultValue("10s") Duration sweepInterval,
                         @DefaultValue("5m") Duration fullSweepInterval,
                         @DefaultValue("5s") Duration sweepGrace, @DefaultValue("10s") Duration sendTimeout,
                         @DefaultValue("500") @Positive int batchSize, @DefaultValue("2000") @Positive int sweepLimit) {
    }

    /**
     * @param attempts       delivery attempts of a failing record before it goes to the dead-letter topic
     * @param initialBackOff first back-off between attempts; doubles each time
     * @param maxBackOff     longest back-off between attempts
     */
    public record Consumer(@DefaultValue("4") int attempts, @DefaultValue("200ms") Duration initialBackOff,
                           @DefaultValue("5s") Duration maxBackOff) {
    }

    /** @param maxBodySize largest request body accepted; larger ones answer 413 */
    public record Web(@DefaultValue("64KB") DataSize maxBodySize) {
    }
}
