package dev.vouch.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash leaves is the file as it is on disk at that moment: these tests copy the store's file while it
 * is still open (nothing closed, nothing flushed by a shutdown) and open the copy, as a restart after kill -9 would.
 */
class GroupCommitTest {

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedWriteIsInTheFileAndWritesShareCommits() throws Exception {
        Path file = folder.resolve("store.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        GroupCommit groupCommit = new GroupCommit(store, false);
        MVMap<Integer, String> map = store.openMap("letters");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int key = i;
            writes.add(writers.submit(() -> {
                map.put(key, "letter " + key);
                groupCommit.await();
                acknowledged.add(key);
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        writers.shutdown();

        Path crashed = folder.resolve("crashed.mv");
        Files.copy(file, crashed);
        try (MVStore reopened = new MVStore.Builder().fileName(crashed.toString()).readOnly().open()) {
            MVMap<Integer, String> survived = reopened.openMap("letters");
            assertThat(survived.keySet()).containsAll(acknowledged).hasSize(2000);
        }
        assertThat(groupCommit.commits()).as("commits for 2000 writes from 8 writers").isLessThan(2000);
        groupCommit.close();
        store.close();
    }

    @Test
    void withoutTheGroupCommitAnAcknowledgedWriteIsNotInTheFile() throws Exception {
        Path file = folder.resolve("store.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.openMap("letters").put(1, "letter 1");
        Path crashed = folder.resolve("crashed.mv");
        Files.copy(file, crashed);
        try (MVStore reopened = new MVStore.Builder().fileName(crashed.toString()).readOnly().open()) {
            assertThat(reopened.hasMap("letters") ? reopened.openMap("letters").size() : 0).isZero();
        }
        store.close();
    }

    @Test
    void theLocalStoreAnswersAWriteOnlyOnceItIsInTheFile() throws Exception {
        int port = Ports.any();
        LocalMongo mongo = LocalMongo.start(folder, port, false);
        try (MongoClient client = MongoClients.create(mongo.uri("vouch_test"))) {
            MongoCollection<Document> letters = client.getDatabase("vouch_test").getCollection("letters");
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                writes.add(writers.submit(() -> letters.insertOne(new Document("_id", "letter-" + n))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writers.shutdown();
            letters.updateOne(new Document("_id", "letter-0"), new Document("$set", new Document("status", "SUBMITTED")));

            Path crashed = folder.resolve("crashed");
            Files.createDirectories(crashed.resolve("mongo"));
            Files.copy(folder.resolve("mongo").resolve("vouch.mv"), crashed.resolve("mongo").resolve("vouch.mv"));
            MVStore copy = new MVStore.Builder().fileName(crashed.resolve("mongo").resolve("vouch.mv").toString()).open();
            GroupCommit reopenedCommits = new GroupCommit(copy, false);
            MongoServer reopened = new MongoServer(new DurableH2Backend(copy, reopenedCommits));
            try (MongoClient after = MongoClients.create(reopened.bindAndGetConnectionString())) {
                MongoCollection<Document> survived = after.getDatabase("vouch_test").getCollection("letters");
                assertThat(survived.countDocuments()).isEqualTo(300);
                assertThat(survived.find(new Document("_id", "letter-0")).first().getString("status")).isEqualTo("SUBMITTED");
            } finally {
                reopened.shutdown();
                reopenedCommits.close();
            }
            assertThat(mongo.commits()).as("commits for 301 writes").isLessThanOrEqualTo(301 + 10);
            StoreCounters counters = mongo.counters();
            assertThat(counters.commands()).as("commands answered, the 301 writes among them").isGreaterThanOrEqualTo(301);
            // and the new collection's entries in the server's own catalogue
            assertThat(counters.documentsWritten()).as("300 inserts and an update").isBetween(301L, 310L);
            assertThat(counters.documentsRead()).as("the updated document, read by _id").isEqualTo(1);
            assertThat(counters.byCollection().get("vouch_test.letters")).containsExactly(1, 301);
        } finally {
            mongo.close();
        }
    }
}
