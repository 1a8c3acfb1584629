package dev.vouch.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's unique indexes serve, in key order, a query on their leading keys or with a bound in time on the
 * next one: every such query finds exactly what the library's own scan finds, and reads only the documents of its
 * stretch of the index.
 */
class OrderedReadsTest {

    private static final long BOUND = 1_000_000L;

    @TempDir
    Path folder;

    @Test
    void whatIsDueIsFoundAsByAScanReadingOnlyWhatIsDue() {
        try (Store store = sameAsTheLibrarysScan(OrderedReadsTest::schedule)) {
            // Of the 2,000 entries and the odd ones left by the script, 398 hold a time up to the bound, one of them
            // leased by another instance; the four without a date come first in the index; the stretch ends at the
            // bound, so the 1,600 entries after it are not read.
            assertThat(store.documentsRead(() -> assertThat(store.collection.find(dueBy(BOUND)).into(new ArrayList<>()))
                    .hasSize(397))).as("documents read for what is due").isBetween(398L, 405L);
            assertThat(store.documentsRead(() -> assertThat(store.collection.find(dueBy(BOUND)).limit(50)
                    .into(new ArrayList<>())).hasSize(50))).as("documents read for 50 due").isBetween(50L, 60L);
        }
    }

    /** The schedule's documents and queries; what each query found, as ids in order of _id. */
    private static List<Object> schedule(Store store) {
        MongoCollection<Document> schedule = store.collection;
        schedule.createIndex(Indexes.ascending("fireAt", "_id"), new IndexOptions().unique(true).name("due"));
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Document entry = new Document("_id", String.format("subject-%04d", 1_999 - i))
                    .append("fireAt", new Date(i * 2_500L)).append("version", 1L);
            if (i == 7) {
                entry.append("owner", "other").append("leaseUntil", new Date(BOUND * 2));
            } else if (i == 8) {
                entry.append("owner", "gone").append("leaseUntil", new Date(BOUND / 2));
            }
            entries.add(entry);
        }
        entries.add(new Document("_id", "at-the-bound").append("fireAt", new Date(BOUND)));
        entries.add(new Document("_id", "no-time"));
        entries.add(new Document("_id", "null-time").append("fireAt", null));
        entries.add(new Document("_id", "number-time").append("fireAt", 5L));
        entries.add(new Document("_id", "text-time").append("fireAt", "1970-01-01"));
        entries.add(new Document("_id", "times").append("fireAt", List.of(new Date(BOUND * 3), new Date(10L))));
        entries.add(new Document("_id", "late-times").append("fireAt", List.of(new Date(BOUND * 3), new Date(BOUND * 4))));
        schedule.insertMany(entries);
        // A claim moves an entry on, the stream re-arms another, a release removes a third.
        schedule.updateOne(new Document("_id", "subject-1990"), new Document("$set", new Document("fireAt", new Date(BOUND * 5))));
        schedule.updateOne(new Document("_id", "subject-0000"), new Document("$set", new Document("fireAt", new Date(3L))));
        schedule.deleteOne(new Document("_id", "subject-1980"));

        List<Object> found = new ArrayList<>();
        found.add(ids(schedule, dueBy(BOUND)));
        found.add(ids(schedule, new Document("fireAt", new Document("$lte", new Date(BOUND)))));
        found.add(ids(schedule, new Document("fireAt", new Document("$lt", new Date(BOUND)))));
        found.add(ids(schedule, new Document("fireAt", new Document("$lte", new Date(0L)))));
        found.add(ids(schedule, new Document("fireAt", new Document("$lt", new Date(0L)))));
        found.add(schedule.countDocuments(dueBy(BOUND)));
        found.add(schedule.deleteMany(new Document("fireAt", new Document("$lt", new Date(5_000L)))).getDeletedCount());
        found.add(ids(schedule, dueBy(BOUND)));
        return found;
    }

    @Test
    void aStudentsRecordsAreFoundAsByAScanReadingOnlyTheirs() {
        try (Store store = sameAsTheLibrarysScan(OrderedReadsTest::contacts)) {
            // The mentor's four contacts, and one whose tenant is a list holding the school.
            assertThat(store.documentsRead(() -> assertThat(store.collection.find(mentor("north", "student-3", "mentor-2"))
                    .into(new ArrayList<>())).hasSize(5))).as("documents read for one mentor's page").isEqualTo(5);
        }
    }

    /** Contacts of students of two schools; what each query found. */
    private static List<Object> contacts(Store store) {
        MongoCollection<Document> contacts = store.collection;
        contacts.createIndex(new Document("tenant", 1).append("studentId", 1).append("mentorId", 1)
                .append("occurredAt", -1).append("_id", 1), new IndexOptions().unique(true).name("contact_page"));
        List<Document> all = new ArrayList<>();
        for (String tenant : List.of("north", "south")) {
            for (int student = 0; student < 20; student++) {
                for (int mentor = 0; mentor < 5; mentor++) {
                    for (int contact = 0; contact < 4; contact++) {
                        all.add(new Document("_id", tenant + "-" + student + "-" + mentor + "-" + contact)
                                .append("tenant", tenant).append("studentId", "student-" + student)
                                .append("mentorId", "mentor-" + mentor)
                                .append("occurredAt", new Date(1_000L * ((contact * 7 + student) % 5))));
                    }
                }
            }
        }
        all.add(new Document("_id", "no-tenant").append("studentId", "student-3").append("mentorId", "mentor-2"));
        all.add(new Document("_id", "other-type").append("tenant", "north").append("studentId", 3).append("mentorId", "mentor-2"));
        all.add(new Document("_id", "listed").append("tenant", List.of("north", "south")).append("studentId", "student-3")
                .append("mentorId", "mentor-2"));
        contacts.insertMany(all);
        Document newestFirst = new Document("occurredAt", -1).append("_id", 1);

        List<Object> found = new ArrayList<>();
        found.add(contacts.find(mentor("north", "student-3", "mentor-2")).sort(newestFirst)
                .map(document -> document.getString("_id")).into(new ArrayList<>()));
        found.add(contacts.find(mentor("north", "student-3", "mentor-2")).sort(newestFirst).skip(1).limit(2)
                .map(document -> document.getString("_id")).into(new ArrayList<>()));
        found.add(contacts.countDocuments(mentor("north", "student-3", "mentor-2")));
        found.add(ids(contacts, new Document("tenant", "south").append("studentId", "student-19")));
        found.add(ids(contacts, new Document("tenant", "north").append("studentId", "student-3")
                .append("mentorId", new Document("$in", List.of("mentor-1", "mentor-4")))));
        found.add(ids(contacts, new Document("tenant", "north").append("studentId", "student-30")));
        found.add(ids(contacts, mentor("north", "student-3", "mentor-2").append("_id", "north-3-2-1")));
        found.add(contacts.deleteMany(new Document("tenant", "south").append("studentId", "student-0")).getDeletedCount());
        found.add(contacts.countDocuments(new Document("tenant", "south")));
        return found;
    }

    /**
     * Runs the script on the library's H2 backend, which scans for such queries, then on the local stack's store,
     * and checks that both found the same; the store is left open for more.
     */
    private Store sameAsTheLibrarysScan(Function<Store, List<Object>> script) {
        List<Object> scanned;
        try (Store library = new Store(folder.resolve("library.mv"), false)) {
            scanned = script.apply(library);
        }
        Store store = new Store(folder.resolve("store.mv"), true);
        assertThat(script.apply(store)).isEqualTo(scanned);
        return store;
    }

    private static Document dueBy(long at) {
        Date bound = new Date(at);
        return new Document("fireAt", new Document("$lte", bound)).append("$or", List.of(
                new Document("leaseUntil", new Document("$exists", false)),
                new Document("leaseUntil", new Document("$lte", bound))));
    }

    private static Document mentor(String tenant, String student, String mentor) {
        return new Document("tenant", tenant).append("studentId", student).append("mentorId", mentor);
    }

    /** The ids a query finds, in order of _id (an index hands them out in its own order). */
    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).map(document -> document.getString("_id")).into(new ArrayList<String>())
                .stream().sorted().toList();
    }

    /** A store on a file: the library's H2 backend, or the local stack's. */
    private static final class Store implements AutoCloseable {

        final MVStore file;
        final GroupCommit groupCommit;
        final DurableH2Backend backend;
        final MongoServer server;
        final MongoClient client;
        final MongoCollection<Document> collection;

        Store(Path path, boolean local) {
            file = new MVStore.Builder().fileName(path.toString()).autoCommitDisabled().open();
            groupCommit = new GroupCommit(file, false);
            backend = local ? new DurableH2Backend(file, groupCommit) : null;
            MongoBackend chosen = local ? backend : new H2Backend(file);
            server = new MongoServer(chosen);
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://localhost:" + address.getPort());
            collection = client.getDatabase("vouch").getCollection("records");
        }

        /** How many documents the store read for {@code reads}. */
        long documentsRead(Runnable reads) {
            long before = backend.counters().documentsRead();
            reads.run();
            return backend.counters().documentsRead() - before;
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
            groupCommit.close();
            file.commit();
            file.close();
        }
    }
}
