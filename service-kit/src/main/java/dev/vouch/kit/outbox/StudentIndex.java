package dev.vouch.kit.outbox;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.vouch.kit.security.AccessScope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the records of a collection that belong to one student, or to one institution, through the collection's
 * unique index {@value #INDEX} on {@code (tenant, studentId, _id)}. On MongoDB it serves both filters; the
 * in-process store serves a unique index's leading fields too, so on either a list costs what the student's (or
 * the institution's) own records cost, not the collection's. The index is part of the record's own write: a
 * new record is listed the moment it is stored, with no second document to keep in step.
 *
 * <p>The index of every {@link ListedByStudent} type the application maps is created at start, before the
 * service answers: on a collection that holds records already that enters them all, and on one that has it
 * already it changes nothing. A type mapped later gets it before the outbox first writes it or a read first
 * reads it.
 */
public class StudentIndex {

    /** The index every {@link ListedByStudent} collection has. */
    public static final String INDEX = "by_student";

    private final MongoTemplate mongo;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    public StudentIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates {@value #INDEX} on the collection of each listed type the application maps. */
    public void ensureIndexes() {
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (ListedByStudent.class.isAssignableFrom(entity.getType())) {
                ensureIndex(entity.getCollection());
            }
        }
    }

    /** Creates {@value #INDEX} on {@code collection}, once per collection and process (again after a failure). */
    void ensureIndex(String collection) {
        if (!indexed.contains(collection)) {
            mongo.getCollection(collection).createIndex(Indexes.ascending("tenant", "studentId", "_id"),
                    new IndexOptions().unique(true).name(INDEX));
            indexed.add(collection);
        }
    }

    /** Every record of the tenant in {@code type}'s collection: for institution-wide views. */
    public <T extends AggregateRoot> List<T> findInTenant(Class<T> type, String tenant) {
        String collection = mongo.getCollectionName(type);
        ensureIndex(collection);
        return mongo.find(Query.query(Criteria.where("tenant").is(tenant)), type, collection);
    }

    /** Every record of the student in scope; each is checked against the scope. */
    public <T extends AggregateRoot> List<T> find(Class<T> type, AccessScope scope) {
        return find(type, scope.tenant(), scope.studentId());
    }

    /** Every record of one student: for work done on an event's behalf, outside a request. */
    public <T extends AggregateRoot> List<T> find(Class<T> type, String tenant, String studentId) {
        AccessScope scope = new AccessScope(tenant, studentId, null);
        String collection = mongo.getCollectionName(type);
        ensureIndex(collection);
        List<T> records = new ArrayList<>();
        for (T record : mongo.find(Query.query(Criteria.where("tenant").is(tenant).and("studentId").is(studentId)),
                type, collection)) {
            if (scope.covers(record)) {
                records.add(record);
            }
        }
        return records;
    }
}
