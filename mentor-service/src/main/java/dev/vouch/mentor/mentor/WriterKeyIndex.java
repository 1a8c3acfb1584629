package dev.vouch.mentor.mentor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which of an institution's mentors share a writer key (their email): {@code {_id: "tenant|key", ids: [...]}},
 * so a writer's mentor records across students are read by {@code _id}, at a cost that follows that writer's own
 * records, on MongoDB and on the in-process server alike (which cannot use the {tenant, writerKey} index).
 *
 * <p>A mentor's id is entered under its key before the mentor is saved. A mentor whose email changed stays
 * entered under its old key too, and a crash between the two writes leaves an id with no such mentor behind it:
 * {@link #mentors} reads the records and keeps only those whose key still matches.
 */
@Component
public class WriterKeyIndex {

    static final String COLLECTION = "writer_keys";
    private static final String FILLED = "*";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;
    private final AtomicBoolean filled = new AtomicBoolean();

    WriterKeyIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Enters the mentors under their keys (those without an email are their own writer and need no entry). */
    void add(Collection<Mentor> mentors) {
        fill();
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        for (Mentor mentor : mentors) {
            if (mentor.getWriterKey() != null) {
                byKey.computeIfAbsent(key(mentor.getTenant(), mentor.getWriterKey()), k -> new LinkedHashSet<>())
                        .add(mentor.getId());
            }
        }
        write(byKey, false);
    }

    /** The institution's mentors with one of these writer keys, read by {@code _id}, but for those already read. */
    public List<Mentor> mentors(String tenant, Collection<String> writerKeys, Set<String> alreadyRead) {
        if (writerKeys.isEmpty()) {
            return List.of();
        }
        fill();
        List<String> entries = writerKeys.stream().map(writerKey -> key(tenant, writerKey)).toList();
        Set<String> ids = new LinkedHashSet<>();
        index().find(Filters.in("_id", entries)).forEach(entry -> ids.addAll(entry.getList("ids", String.class, List.of())));
        ids.removeAll(alreadyRead);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Mentor> found = new ArrayList<>();
        for (Mentor mentor : mongo.find(Query.query(Criteria.where("_id").in(ids)), Mentor.class)) {
            if (tenant.equals(mentor.getTenant()) && writerKeys.contains(mentor.getWriterKey())) {
                found.add(mentor);
            }
        }
        return found;
    }

    /** Mentors stored before this index existed are entered once (one scan, marked done by a document of its own). */
    private void fill() {
        if (filled.get()) {
            return;
        }
        if (index().find(Filters.eq("_id", FILLED)).first() == null) {
            Map<String, Set<String>> byKey = new LinkedHashMap<>();
            for (Document mentor : mongo.getCollection(Mentor.COLLECTION).find()
                    .projection(new Document("tenant", 1).append("writerKey", 1))) {
                if (mentor.getString("tenant") != null && mentor.getString("writerKey") != null) {
                    byKey.computeIfAbsent(key(mentor.getString("tenant"), mentor.getString("writerKey")),
                            k -> new LinkedHashSet<>()).add(String.valueOf(mentor.get("_id")));
                }
            }
            write(byKey, true);
        }
        filled.set(true);
    }

    private void write(Map<String, Set<String>> byKey, boolean markFilled) {
        List<WriteModel<Document>> writes = new ArrayList<>(byKey.size() + 1);
        byKey.forEach((key, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                new Document("$addToSet", new Document("ids", new Document("$each", List.copyOf(ids)))), UPSERT)));
        if (markFilled) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", FILLED), new Document("$set", new Document("done", true)), UPSERT));
        }
        if (!writes.isEmpty()) {
            index().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static String key(String tenant, String writerKey) {
        return URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "|" + URLEncoder.encode(writerKey, StandardCharsets.UTF_8);
    }

    private MongoCollection<Document> index() {
        return mongo.getCollection(COLLECTION);
    }
}
