package dev.vouch.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one), inside this JVM, with its
 * log in the data folder so topics and offsets survive a restart.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalKafka start(Path dataDir, int port, int controllerPort) {
        Path logDir = dataDir.resolve("kafka");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "6");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // The log cleaner (compacted topics: consumer offsets) keeps its whole dedupe buffer on the heap from the
        // start; the broker's default of 128 MB was a quarter of the launcher's heap. 16 MB dedupes ~700,000 keys
        // per pass, more than a local stack's offsets topic holds.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        try {
            Files.createDirectories(logDir);
            Path config = dataDir.resolve("kafka-server.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "Written by the Vouch local stack at every start");
            }
            format(config, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, port);
    }

    /** Formats the log directory once; later starts find it formatted (with its cluster id) and keep their data. */
    private static void format(Path config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
