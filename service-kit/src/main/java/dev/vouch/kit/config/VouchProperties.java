package dev.vouch.kit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/** Settings shared by every Vouch service, under {@code vouch.*}. */
@ConfigurationProperties("vouch")
public class VouchProperties {

    /** This service's name: the CloudEvents source is {@code /vouch/<service-name>}. */
    private String serviceName = "vouch";

    private final Kafka kafka = new Kafka();
    private final Outbox outbox = new Outbox();
    private final Consumer consumer = new Consumer();
    private final Web web = new Web();

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public Kafka getKafka() {
        return kafka;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Web getWeb() {
        return web;
    }

    public static class Kafka {
        /** Partitions of each Vouch topic when the service creates it. */
        private int partitions = 6;
        /** Replication factor of each Vouch topic when the service creates it. */
        private short replicationFactor = 1;
        /** Retention of the event topics; -1 keeps everything so projections can be rebuilt by replay. */
        private long retentionMs = -1;
        /** Retention of the dead-letter topics. */
        private Duration deadLetterRetention = Duration.ofDays(30);
        /** Whether the service creates the topics at start (off when a platform team manages them). */
        private boolean createTopics = true;

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public long getRetentionMs() {
            return retentionMs;
        }

        public void setRetentionMs(long retentionMs) {
            this.retentionMs = retentionMs;
        }

        public Duration getDeadLetterRetention() {
            return deadLetterRetention;
        }

        public void setDeadLetterRetention(Duration deadLetterRetention) {
            this.deadLetterRetention = deadLetterRetention;
        }

        public boolean isCreateTopics() {
            return createTopics;
        }

        public void setCreateTopics(boolean createTopics) {
            this.createTopics = createTopics;
        }
    }

    public static class Outbox {
        /** How often the relay sweeps for events left behind (after a crash or a broker outage). */
        private Duration sweepInterval = Duration.ofSeconds(10);
        /** Events younger than this are left to the publish that follows the write. */
        private Duration sweepGrace = Duration.ofSeconds(5);
        /** How long one publish may wait for the broker's acknowledgement. */
        private Duration sendTimeout = Duration.ofSeconds(10);

        public Duration getSweepInterval() {
            return sweepInterval;
        }

        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }

        public Duration getSweepGrace() {
            return sweepGrace;
        }

        public void setSweepGrace(Duration sweepGrace) {
            this.sweepGrace = sweepGrace;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }
    }

    public static class Consumer {
        /** Delivery attempts of a failing record before it goes to the dead-letter topic. */
        private int attempts = 4;
        /** First back-off between attempts; doubles each time. */
        private Duration initialBackOff = Duration.ofMillis(200);
        /** Longest back-off between attempts. */
        private Duration maxBackOff = Duration.ofSeconds(5);

        public int getAttempts() {
            return attempts;
        }

        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }

        public Duration getInitialBackOff() {
            return initialBackOff;
        }

        public void setInitialBackOff(Duration initialBackOff) {
            this.initialBackOff = initialBackOff;
        }

        public Duration getMaxBackOff() {
            return maxBackOff;
        }

        public void setMaxBackOff(Duration maxBackOff) {
            this.maxBackOff = maxBackOff;
        }
    }

    public static class Web {
        /** Largest request body accepted; larger ones answer 413. */
        private DataSize maxBodySize = DataSize.ofKilobytes(64);

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }
    }
}
