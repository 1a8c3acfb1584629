package dev.vouch.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An institution's ids spread over bucket documents: all read back, none too large, older single documents read too. */
class IdBucketsTest {

    private static MongoServer server;
    private static MongoClient client;
    private MongoCollection<Document> index;
    private final IdBuckets buckets = new IdBuckets("ids");

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @BeforeEach
    void emptyIndex() {
        index = client.getDatabase("kit").getCollection("index");
        index.drop();
    }

    @Test
    void aLargeSetIsReadWholeAndNoBucketHoldsMuchOfIt() {
        List<String> ids = IntStream.range(0, 6_400).mapToObj(i -> "mentor-" + i).toList();
        var writes = buckets.additions(Map.of("mentors|school-a", ids, "mentors|school-b", List.of("other")));
        assertThat(writes).hasSizeLessThanOrEqualTo(IdBuckets.BUCKETS + 1);
        index.bulkWrite(writes);
        index.bulkWrite(buckets.additions(Map.of("mentors|school-a", List.of("mentor-1", "mentor-6400"))));

        assertThat(buckets.read(index, "mentors|school-a")).hasSize(6_401).containsAll(ids).contains("mentor-6400")
                .doesNotContain("other");
        assertThat(buckets.read(index, "mentors|school-b")).containsExactly("other");
        assertThat(buckets.read(index, "mentors|school-c")).isEmpty();
        List<Integer> sizes = new ArrayList<>();
        index.find().forEach(bucket -> sizes.add(bucket.getList("ids", String.class).size()));
        assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThan(6_400 / IdBuckets.BUCKETS * 2));
    }

    @Test
    void aSetWrittenAsOneDocumentIsStillRead() {
        index.insertOne(new Document("_id", "mentors|school-a").append("ids", List.of("old-1", "old-2")));
        index.bulkWrite(buckets.additions(Map.of("mentors|school-a", List.of("new-1", "old-2"))));
        assertThat(buckets.read(index, "mentors|school-a")).containsExactlyInAnyOrder("old-1", "old-2", "new-1");
    }
}
