package dev.vouch.kit.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of ids too large for one document, such as every mentor of an institution: spread by the id's hash over
 * a fixed number of documents, {@code {_id: "<key>#<bucket>", <field>: [...]}}, all read at once by {@code _id}.
 * One document per institution grew without bound: each addition rewrote (and on the in-process store searched)
 * the whole array, and a large school would pass MongoDB's 16 MB document limit. A document written under the
 * plain key, before the sets were spread, is read too.
 */
public final class IdBuckets {

    /** Buckets per set: a school of 50,000 mentors keeps ~800 ids in each. Changing it moves every id. */
    static final int BUCKETS = 64;

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final String field;

    /** @param field the array each bucket document keeps its ids in */
    public IdBuckets(String field) {
        this.field = field;
    }

    static String bucketOf(String key, String id) {
        return key + "#" + Math.floorMod(mixed(id.hashCode()), BUCKETS);
    }

    /** MurmurHash3's finalizer: ids that differ in their last characters alone land far apart. */
    private static int mixed(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Upserts adding each set's new ids to the buckets they hash to: one write per bucket touched. */
    public List<WriteModel<Document>> additions(Map<String, ? extends Collection<String>> idsByKey) {
        Map<String, Set<String>> byBucket = new LinkedHashMap<>();
        idsByKey.forEach((key, ids) -> ids.forEach(id ->
                byBucket.computeIfAbsent(bucketOf(key, id), bucket -> new LinkedHashSet<>()).add(id)));
        List<WriteModel<Document>> writes = new ArrayList<>(byBucket.size());
        byBucket.forEach((bucket, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", bucket),
                new Document("$addToSet", new Document(field, new Document("$each", List.copyOf(ids)))), UPSERT)));
        return writes;
    }

    /** Every id of the set under {@code key}. */
    public List<String> read(MongoCollection<Document> collection, String key) {
        List<String> documentIds = new ArrayList<>(BUCKETS + 1);
        documentIds.add(key);
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            documentIds.add(key + "#" + bucket);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Document bucket : collection.find(Filters.in("_id", documentIds))) {
            ids.addAll(bucket.getList(field, String.class, List.of()));
        }
        return List.copyOf(ids);
    }
}
