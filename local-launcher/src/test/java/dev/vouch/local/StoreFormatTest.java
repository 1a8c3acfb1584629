package dev.vouch.local;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local store's file: unique indexes with typed keys (found, unique, kept across a restart, rebuilt from an
 * older file) and documents kept as BSON (every BSON type read back as written, an older file's documents
 * carried over, the data size kept).
 */
class StoreFormatTest {

    @TempDir
    Path folder;

    @Test
    void lookupsAndUniquenessHoldAcrossARestart() {
        Path file = folder.resolve("store.mv");
        withStore(file, DURABLE, letters -> {
            letters.createIndex(Indexes.ascending("_id", "sequence"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                letters.insertOne(new Document("_id", "letter-" + i).append("sequence", (long) i)
                        .append("due", new Date(1_000L * i)));
            }
        });
        withStore(file, DURABLE, letters -> {
            assertThat(letters.find(new Document("_id", "letter-42").append("sequence", 42L)).first()).isNotNull();
            assertThat(letters.find(new Document("_id", "letter-42").append("sequence", 41L)).first()).isNull();
            // A compare-and-set write by (_id, sequence), as the projections make it
            assertThat(letters.replaceOne(new Document("_id", "letter-7").append("sequence", 7L),
                    new Document("_id", "letter-7").append("sequence", 8L)).getMatchedCount()).isEqualTo(1);
            assertThat(letters.replaceOne(new Document("_id", "letter-7").append("sequence", 7L),
                    new Document("_id", "letter-7").append("sequence", 9L)).getMatchedCount()).isZero();
            assertThatThrownBy(() -> letters.insertOne(new Document("_id", "letter-3").append("sequence", 3L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(letters.countDocuments()).isEqualTo(500);
        });
        withStore(file, DURABLE, letters -> {
            assertThat(letters.find(new Document("_id", "letter-7").append("sequence", 8L)).first()).isNotNull();
            assertThat(letters.find(new Document("_id", "letter-499")).first()).containsEntry("sequence", 499L);
        });
    }

    @Test
    void aStoreWrittenWithTheLibrarysIndexesIsReadAndItsIndexesRebuilt() {
        Path file = folder.resolve("older.mv");
        withStore(file, false, letters -> {
            letters.createIndex(Indexes.ascending("_id", "sequence"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                letters.insertOne(new Document("_id", "letter-" + i).append("sequence", (long) i));
            }
        });
        withStore(file, DURABLE, letters -> {
            assertThat(letters.find(new Document("_id", "letter-9").append("sequence", 9L)).first()).isNotNull();
            assertThatThrownBy(() -> letters.insertOne(new Document("_id", "letter-9").append("sequence", 10L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            letters.insertOne(new Document("_id", "letter-50").append("sequence", 50L));
            assertThat(letters.countDocuments()).isEqualTo(51);
        });
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(reopened.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .anyMatch(name -> name.contains("._typed_index_"));
        }
    }

    @Test
    void anIndexThatStartsWithIdKeepsNoEntriesAndAnEarlierStoresAreDropped() {
        Path file = folder.resolve("prefixed.mv");
        String entries = "vouch.letters._typed_index__id_1_sequence_1";
        withStore(file, DURABLE, letters -> {
            letters.createIndex(Indexes.ascending("_id", "sequence"), new IndexOptions().unique(true));
            letters.insertOne(new Document("_id", "letter-1").append("sequence", 1L));
        });
        MVStore earlier = new MVStore.Builder().fileName(file.toString()).open();
        earlier.openMap(entries).put("letter-1", "as an earlier store kept it");
        earlier.close();
        withStore(file, DURABLE, letters -> {
            assertThat(letters.find(new Document("_id", "letter-1").append("sequence", 1L)).first()).isNotNull();
            assertThat(letters.listIndexes().into(new java.util.ArrayList<>()))
                    .anySatisfy(index -> assertThat(index).containsEntry("name", "_id_1_sequence_1").containsEntry("unique", true));
        });
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(reopened.hasMap(entries)).isFalse();
        } finally {
            reopened.close();
        }
    }

    @Test
    void documentsComeBackAsTheyWereWrittenAfterARestart() {
        Path file = folder.resolve("types.mv");
        Document written = new Document("_id", "letter-1")
                .append("text", "Dr. Ada Lovelace — “thank you”")
                .append("count", 3).append("sequence", 5_000_000_000L).append("score", 0.25)
                .append("done", true).append("none", null)
                .append("due", new Date(1_790_000_000_000L))
                .append("id", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("tags", List.of("a", "b", List.of(1, 2)))
                .append("nested", new Document("deep", new Document("deeper", List.of(new Document("x", 1)))));
        withStore(file, DURABLE, letters -> letters.insertOne(written));
        withStore(file, DURABLE, letters -> {
            assertThat(letters.find(new Document("_id", "letter-1")).first()).isEqualTo(written);
            letters.updateOne(new Document("_id", "letter-1"), new Document("$inc", new Document("count", 1)));
        });
        withStore(file, DURABLE, letters ->
                assertThat(letters.find(new Document("_id", "letter-1")).first()).containsEntry("count", 4));
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(reopened.getMapNames()).contains("databases.vouch.letters$bson")
                    .doesNotContain("databases.vouch.letters");
        }
    }

    @Test
    void aStoreWrittenWithTheLibrarysDocumentsIsCarriedOver() {
        Path file = folder.resolve("older-documents.mv");
        withStore(file, false, letters -> {
            for (int i = 0; i < 200; i++) {
                letters.insertOne(new Document("_id", "letter-" + i).append("sequence", (long) i)
                        .append("mentor", new Document("name", "Dr. " + i)));
            }
        });
        withStore(file, DURABLE, letters -> {
            assertThat(letters.countDocuments()).isEqualTo(200);
            assertThat(letters.find(new Document("_id", "letter-123")).first())
                    .isEqualTo(new Document("_id", "letter-123").append("sequence", 123L)
                            .append("mentor", new Document("name", "Dr. 123")));
            letters.insertOne(new Document("_id", "letter-200"));
        });
        withStore(file, DURABLE, letters -> assertThat(letters.countDocuments()).isEqualTo(201));
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(reopened.getMapNames()).contains("databases.vouch.letters$bson")
                    .doesNotContain("databases.vouch.letters");
        }
    }

    @Test
    void theDataSizeFollowsInsertsUpdatesAndDeletesAcrossARestart() {
        Path file = folder.resolve("sizes.mv");
        withStore(file, DURABLE, letters -> {
            for (int i = 0; i < 3; i++) {
                letters.insertOne(new Document("_id", "letter-" + i).append("note", "short"));
            }
            letters.updateOne(new Document("_id", "letter-1"), new Document("$set", new Document("note", "x".repeat(500))));
            letters.deleteOne(new Document("_id", "letter-2"));
        });
        withDatabase(file, DURABLE, vouch -> {
            long expected = 0;
            for (Document document : vouch.getCollection("letters").find()) {
                expected += RawBsonDocument.parse(document.toJson()).getByteBuffer().remaining();
            }
            Number size = (Number) vouch.runCommand(new Document("collStats", "letters")).get("size");
            assertThat(size.longValue()).isEqualTo(expected).isGreaterThan(500);
        });
    }

    @Test
    void aReadOfManyIdsFindsExactlyThoseOfEveryKind() {
        Path file = folder.resolve("ids.mv");
        ObjectId objectId = new ObjectId("64b7f0c2a1b2c3d4e5f60718");
        withStore(file, DURABLE, letters -> {
            for (int i = 0; i < 1_000; i++) {
                letters.insertOne(new Document("_id", "letter-" + i));
            }
            letters.insertOne(new Document("_id", 7L));
            letters.insertOne(new Document("_id", objectId));
            List<String> wanted = new java.util.ArrayList<>();
            for (int i = 0; i < 1_000; i += 3) {
                wanted.add("letter-" + i);
            }
            wanted.add("letter-missing");
            assertThat(letters.find(new Document("_id", new Document("$in", wanted))).map(d -> d.getString("_id"))
                    .into(new java.util.ArrayList<>())).containsExactlyInAnyOrderElementsOf(wanted.subList(0, wanted.size() - 1));
            // A list that is not all strings, and ids that are not strings, are matched as MongoDB matches them.
            assertThat(letters.find(new Document("_id", new Document("$in", List.of("letter-1", 7, objectId))))
                    .map(d -> d.get("_id")).into(new java.util.ArrayList<>())).containsExactlyInAnyOrder("letter-1", 7L, objectId);
            assertThat(letters.find(new Document("_id", new Document("$in", List.of("letter-2", "7")))).map(d -> d.get("_id"))
                    .into(new java.util.ArrayList<>())).containsExactly("letter-2");
            assertThat(letters.deleteMany(new Document("_id", new Document("$in", List.of("letter-4", "letter-5"))))
                    .getDeletedCount()).isEqualTo(2);
            assertThat(letters.countDocuments()).isEqualTo(1_000);
        });
    }

    /**
     * The same writes against the library's own unique indexes and against the store's: every write is taken or
     * refused alike, and the documents end alike. Top-level single values take the store's direct way; a nested
     * key and an array (one entry per element) the library's.
     */
    @Test
    void uniqueIndexesTakeAndRefuseWritesAsTheLibrarysDo() {
        List<String> expected = List.of("ok", "dup", "dup", "ok", "ok", "dup", "dup", "dup", "ok",
                "dup", "ok", "dup", "ok", "ok", "dup", "ok", "ok", "ok");
        List<Object> library = new java.util.ArrayList<>();
        List<Object> store = new java.util.ArrayList<>();
        withStore(folder.resolve("library.mv"), false, letters -> library.addAll(uniqueIndexScript(letters)));
        withStore(folder.resolve("store.mv"), DURABLE, letters -> store.addAll(uniqueIndexScript(letters)));
        assertThat(store).isEqualTo(library);
        assertThat(store.subList(0, expected.size())).isEqualTo(expected);
    }

    /** Each write's outcome ("ok" or "dup"), then every document as it ended. */
    private static List<Object> uniqueIndexScript(MongoCollection<Document> letters) {
        letters.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        letters.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        letters.createIndex(Indexes.ascending("profile.handle"), new IndexOptions().unique(true).sparse(true));
        letters.createIndex(Indexes.ascending("tags"), new IndexOptions().unique(true).sparse(true));
        letters.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        List<Object> outcomes = new java.util.ArrayList<>();
        java.util.function.Consumer<Runnable> write = op -> {
            try {
                op.run();
                outcomes.add("ok");
            } catch (MongoWriteException e) {
                outcomes.add(e.getCode() == 11000 ? "dup" : "error " + e.getCode());
            }
        };
        write.accept(() -> letters.insertOne(new Document("_id", "a").append("email", "x").append("code", 1)
                .append("profile", new Document("handle", "h1")).append("tags", List.of("t1", "t2")).append("version", 1L)));
        write.accept(() -> letters.insertOne(new Document("_id", "b").append("email", "x")));
        write.accept(() -> letters.insertOne(new Document("_id", "b").append("email", "y").append("code", 1.0)));
        write.accept(() -> letters.insertOne(new Document("_id", "b").append("email", "y").append("version", 1L)));
        write.accept(() -> letters.insertOne(new Document("_id", "c").append("email", "z").append("version", 1L)));
        write.accept(() -> letters.insertOne(new Document("_id", "d").append("email", "w").append("tags", List.of("t2"))));
        write.accept(() -> letters.insertOne(new Document("_id", "d").append("email", "w")
                .append("profile", new Document("handle", "h1"))));
        write.accept(() -> letters.insertOne(new Document("_id", "a").append("email", "v")));
        write.accept(() -> letters.insertOne(new Document("_id", "d").append("email", "w").append("code", 1L << 53 | 1)));
        write.accept(() -> letters.updateOne(new Document("_id", "b"), new Document("$set", new Document("email", "x"))));
        write.accept(() -> letters.updateOne(new Document("_id", "b"), new Document("$set", new Document("email", "q"))));
        write.accept(() -> letters.updateOne(new Document("_id", "c"), new Document("$set", new Document("code", 1L))));
        write.accept(() -> letters.updateOne(new Document("_id", "c").append("version", 1L),
                new Document("$set", new Document("code", 2)).append("$inc", new Document("version", 1L))));
        write.accept(() -> letters.updateOne(new Document("_id", "c"), new Document("$set", new Document("email", "z"))));
        write.accept(() -> letters.updateOne(new Document("_id", "b"), new Document("$set", new Document("tags", List.of("t3", "t1")))));
        write.accept(() -> letters.deleteOne(new Document("_id", "a")));
        write.accept(() -> letters.insertOne(new Document("_id", "e").append("email", "x").append("code", 1)
                .append("tags", List.of("t1"))));
        write.accept(() -> letters.replaceOne(new Document("_id", "e"), new Document("email", "x2").append("code", 1)));
        outcomes.add(letters.find().sort(new Document("_id", 1)).into(new java.util.ArrayList<>()));
        outcomes.add(letters.find(new Document("_id", "c").append("version", 2L)).first());
        outcomes.add(letters.find(new Document("_id", new Document("$in", List.of("e", "b", "zz", "c", "b"))))
                .into(new java.util.ArrayList<>()));
        outcomes.add(letters.find(new Document("email", new Document("$in", List.of("z", "q")))).into(new java.util.ArrayList<>()));
        return outcomes;
    }

    @Test
    void aDroppedCollectionTakesItsDocumentsWithIt() {
        Path file = folder.resolve("dropped.mv");
        withStore(file, DURABLE, letters -> {
            letters.insertOne(new Document("_id", "letter-1"));
            letters.drop();
            assertThat(letters.countDocuments()).isZero();
            letters.insertOne(new Document("_id", "letter-2"));
        });
        withStore(file, DURABLE, letters ->
                assertThat(letters.find().into(new java.util.ArrayList<>())).containsExactly(new Document("_id", "letter-2")));
    }

    private static final boolean DURABLE = true;

    private static void withStore(Path file, boolean durable, Consumer<MongoCollection<Document>> work) {
        withDatabase(file, durable, vouch -> work.accept(vouch.getCollection("letters")));
    }

    private static void withDatabase(Path file, boolean durable, Consumer<MongoDatabase> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        GroupCommit groupCommit = new GroupCommit(store, false);
        MongoBackend backend = durable ? new DurableH2Backend(store, groupCommit) : new H2Backend(store);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            work.accept(client.getDatabase("vouch"));
        } finally {
            server.shutdown();
            groupCommit.close();
            store.commit();
            store.close();
        }
    }
}
