package dev.vouch.kit.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.kit.security.AccessScope;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which records of a collection belong to each student: one small document per (collection, tenant, student)
 * holding their ids, {@code {_id: "mentors|tenant|student", ids: [...]}}. A student's list is then read by
 * {@code _id} twice (this document, then the records by {@code _id $in}), so what it costs follows that
 * student's own records, not the collection's: on MongoDB and on the in-process server, which has no other
 * index it can use for such a list (it ignores non-unique indexes). An advisor's institution-wide view reads the
 * same way through the (collection, tenant)'s {@link IdBuckets}, {@code {_id: "mentors|tenant#7", ids: [...]}}.
 *
 * <p>The outbox adds a new aggregate's id here before it inserts the aggregate, so a crash in between leaves at
 * most an id with no record behind it, which {@link #find} skips. Records are never removed from a student
 * (archiving keeps them), so the ids only grow.
 */
public class StudentIndex {

    public static final String COLLECTION = "student_index";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final IdBuckets TENANT_IDS = new IdBuckets("ids");

    private final MongoTemplate mongo;
    private final Set<String> backfilled = ConcurrentHashMap.newKeySet();

    public StudentIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds each aggregate's id to its student's entry and its institution's for {@code collection}: one bulk write. */
    void add(String collection, Collection<? extends AggregateRoot> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        backfill(collection);
        Map<String, Set<String>> byStudent = new LinkedHashMap<>();
        Map<String, Set<String>> byTenant = new LinkedHashMap<>();
        for (AggregateRoot aggregate : aggregates) {
            byStudent.computeIfAbsent(key(collection, aggregate.getTenant(), aggregate.getStudentId()), k -> new LinkedHashSet<>())
                    .add(aggregate.getId());
            byTenant.computeIfAbsent(tenantKey(collection, aggregate.getTenant()), k -> new LinkedHashSet<>()).add(aggregate.getId());
        }
        mongo.getCollection(COLLECTION).bulkWrite(writes(byStudent, byTenant), UNORDERED);
    }

    private static List<WriteModel<Document>> writes(Map<String, Set<String>> byStudent, Map<String, Set<String>> byTenant) {
        List<WriteModel<Document>> writes = new ArrayList<>(byStudent.size() + byTenant.size());
        byStudent.forEach((key, added) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                new Document("$addToSet", new Document("ids", new Document("$each", List.copyOf(added)))), UPSERT)));
        writes.addAll(TENANT_IDS.additions(byTenant));
        return writes;
    }

    /** The ids of the student's records in {@code collection}. */
    public List<String> ids(String collection, String tenant, String studentId) {
        backfill(collection);
        Document entry = mongo.getCollection(COLLECTION).find(Filters.eq("_id", key(collection, tenant, studentId))).first();
        return entry == null ? List.of() : entry.getList("ids", String.class, List.of());
    }

    /** Every record of the tenant in {@code type}'s collection, read by {@code _id}: for institution-wide views. */
    public <T extends AggregateRoot> List<T> findInTenant(Class<T> type, String tenant) {
        String collection = mongo.getCollectionName(type);
        backfill(collection);
        List<String> ids = TENANT_IDS.read(mongo.getCollection(COLLECTION), tenantKey(collection, tenant));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<T> records = new ArrayList<>(ids.size());
        for (T record : mongo.find(Query.query(Criteria.where("_id").in(ids)), type)) {
            if (tenant.equals(record.getTenant())) {
                records.add(record);
            }
        }
        return records;
    }

    /** Every record of the student in scope, read by {@code _id}; each is checked against the scope. */
    public <T extends AggregateRoot> List<T> find(Class<T> type, AccessScope scope) {
        return find(type, scope.tenant(), scope.studentId());
    }

    /** Every record of one student, read by {@code _id}: for work done on an event's behalf, outside a request. */
    public <T extends AggregateRoot> List<T> find(Class<T> type, String tenant, String studentId) {
        AccessScope scope = new AccessScope(tenant, studentId, null);
        String collection = mongo.getCollectionName(type);
        List<String> ids = ids(collection, scope.tenant(), scope.studentId());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<T> records = new ArrayList<>(ids.size());
        for (T record : mongo.find(Query.query(Criteria.where("_id").in(ids)), type)) {
            if (scope.covers(record)) {
                records.add(record);
            }
        }
        return records;
    }

    /**
     * Records written before this index existed are entered once per collection (a single scan, marked done by
     * a document of its own), so lists never miss them. Entering an id twice changes nothing.
     */
    private void backfill(String collection) {
        if (backfilled.contains(collection)) {
            return;
        }
        String marker = collection + "|*";
        MongoCollection<Document> index = mongo.getCollection(COLLECTION);
        if (index.find(Filters.eq("_id", marker)).first() == null) {
            Map<String, Set<String>> byStudent = new LinkedHashMap<>();
            Map<String, Set<String>> byTenant = new LinkedHashMap<>();
            for (Document doc : mongo.getCollection(collection).find()
                    .projection(new Document("tenant", 1).append("studentId", 1))) {
                if (doc.getString("tenant") != null && doc.getString("studentId") != null) {
                    byStudent.computeIfAbsent(key(collection, doc.getString("tenant"), doc.getString("studentId")),
                            k -> new LinkedHashSet<>()).add(String.valueOf(doc.get("_id")));
                    byTenant.computeIfAbsent(tenantKey(collection, doc.getString("tenant")),
                            k -> new LinkedHashSet<>()).add(String.valueOf(doc.get("_id")));
                }
            }
            List<WriteModel<Document>> writes = writes(byStudent, byTenant);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", marker), new Document("$set", new Document("done", true)), UPSERT));
            index.bulkWrite(writes, UNORDERED);
        }
        backfilled.add(collection);
    }

    private static String tenantKey(String collection, String tenant) {
        return collection + "|" + URLEncoder.encode(tenant, StandardCharsets.UTF_8);
    }

    private static String key(String collection, String tenant, String studentId) {
        return collection + "|" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "|"
                + URLEncoder.encode(studentId, StandardCharsets.UTF_8);
    }
}
