package dev.vouch.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.VouchEvent;
import dev.vouch.reminder.ReminderServiceApplication;
import dev.vouch.reminder.stream.StreamDerivation;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The store the local stack uses, the launcher's own (mongo-java-server on an H2 file, with its page cache,
 * typed index keys and group commit), in databases of the harness's: its raw rate of batched upserts by
 * {@code _id}, and reminder-service's derivation on it, run in this JVM.
 */
final class StoreFigures implements AutoCloseable {

    static final int CACHE_MB = 128; // as the launcher's LocalMongo
    private static final int BATCH = 500;

    private final String uri;

    /** @param uri the store's address, without a database */
    StoreFigures(String uri) {
        this.uri = uri;
    }

    /** Upserts of ~1 KB documents by {@code _id}, batches of 500: {@code docs} new ones, then the same again. */
    double rawUpsertsPerSecond(int docs) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench_raw").getCollection("docs");
            String padding = "x".repeat(900);
            upsert(collection, docs, padding, 0); // insert
            long start = System.nanoTime();
            upsert(collection, docs, padding, 1); // existing documents, as a projection's updates are
            return docs / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void upsert(MongoCollection<Document> collection, int docs, String padding, int round) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < docs; i++) {
            String id = "doc-" + i;
            batch.add(new ReplaceOneModel<>(new Document("_id", id), new Document("_id", id).append("round", round)
                    .append("tenant", "bench").append("studentId", "s-" + (i / 10)).append("sequence", round + 1L)
                    .append("padding", padding), upsert));
            if (batch.size() == BATCH || i == docs - 1) {
                collection.bulkWrite(batch, unordered);
                batch.clear();
            }
        }
    }

    /** Derivation results: events per second on first delivery and when the same events come again. */
    record Derivation(double firstPerSecond, double redeliveredPerSecond, long events) {
    }

    /**
     * reminder-service's stream derivation (its own Spring context, its listener not started) on this store,
     * fed in the listener's batches of 500.
     */
    Derivation derivation(int students, String kafka, Path keysDir) {
        // Arguments, not default properties: those would lose to the service's own application.yml.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReminderServiceApplication.class)
                .run("--spring.profiles.active=local", "--server.port=0", "--management.server.port=0",
                        "--spring.mongodb.uri=" + uri + "/bench_derivation",
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--spring.kafka.listener.auto-startup=false",
                        "--vouch.reminders.scheduler.enabled=false",
                        "--vouch.outbox.sweep-enabled=false",
                        "--vouch.local.data-dir=" + keysDir,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        try {
            StreamDerivation derivation = app.getBean(StreamDerivation.class);
            SchoolStream school = new SchoolStream(Clock.systemUTC());
            apply(derivation, stream(school, "warm", Math.min(300, students)));
            List<EventEnvelope<VouchEvent>> stream = stream(school, "bench", students);
            double first = apply(derivation, stream);
            double again = apply(derivation, stream);
            return new Derivation(first, again, stream.size());
        } finally {
            app.close();
        }
    }

    private static List<EventEnvelope<VouchEvent>> stream(SchoolStream school, String prefix, int students) {
        List<EventEnvelope<VouchEvent>> events = new ArrayList<>(students * SchoolStream.EVENTS_PER_STUDENT);
        for (int s = 0; s < students; s++) {
            events.addAll(school.student("bench-school", prefix + "-student-" + s));
        }
        return events;
    }

    private static double apply(StreamDerivation derivation, List<EventEnvelope<VouchEvent>> stream) {
        Clock clock = Clock.systemUTC();
        long start = System.nanoTime();
        for (int from = 0; from < stream.size(); from += BATCH) {
            // Not announcing: this measures derivation and its writes, not the publishing that follows.
            derivation.apply(stream.subList(from, Math.min(stream.size(), from + BATCH)), clock.instant(), false);
        }
        return stream.size() / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        // the store is the stack's: it stops with the stack
    }
}
