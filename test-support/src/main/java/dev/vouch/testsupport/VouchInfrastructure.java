package dev.vouch.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.Locale;
import java.util.Map;

/**
 * One real Kafka broker and one MongoDB wire server per test JVM, started on first use and left running for
 * every Spring context that follows. Testcontainers (Apache Kafka, MongoDB) where Docker is available; the
 * in-process KRaft broker and mongo-java-server otherwise. {@code -Dvouch.test.infrastructure=embedded} or
 * {@code =containers} forces either.
 */
public final class VouchInfrastructure {

    public static final String MODE_PROPERTY = "vouch.test.infrastructure";

    private static final Logger log = LoggerFactory.getLogger(VouchInfrastructure.class);
    private static volatile VouchInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String mongoConnectionString;
    private final String mode;

    private VouchInfrastructure(String kafka, String mongo, String mode) {
        this.kafkaBootstrapServers = kafka;
        this.mongoConnectionString = mongo;
        this.mode = mode;
    }

    public static VouchInfrastructure get() {
        if (instance == null) {
            synchronized (VouchInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** The server's address without a database; each Spring context picks its own database. */
    public String mongoConnectionString() {
        return mongoConnectionString;
    }

    public String mode() {
        return mode;
    }

    private static VouchInfrastructure start() {
        String requested = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        boolean containers = switch (requested) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        long started = System.nanoTime();
        VouchInfrastructure infrastructure = containers ? containers() : embedded();
        log.info("Test infrastructure ({}) ready in {} ms: kafka={} mongo={}", infrastructure.mode,
                (System.nanoTime() - started) / 1_000_000, infrastructure.kafkaBootstrapServers,
                infrastructure.mongoConnectionString);
        return infrastructure;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static VouchInfrastructure embedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "log.retention.ms", "-1"));
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoAddress = mongo.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "vouch-test-infrastructure-stop"));
        return new VouchInfrastructure(kafka.getBrokersAsString(), mongoAddress, "embedded");
    }

    @SuppressWarnings("resource")
    private static VouchInfrastructure containers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
        kafka.start();
        mongo.start();
        String replicaSet = mongo.getReplicaSetUrl();
        String server = replicaSet.substring(0, replicaSet.lastIndexOf('/'));
        return new VouchInfrastructure(kafka.getBootstrapServers(), server, "containers");
    }
}
