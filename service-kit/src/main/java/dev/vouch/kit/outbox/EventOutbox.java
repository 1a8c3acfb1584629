package dev.vouch.kit.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves aggregates together with the events they registered, one single-document write each, then hands the
 * events to the relay. No transaction is needed, so this works on any MongoDB-compatible server. One save or
 * many in one bulk write go through the same code.
 *
 * <p>Stamping: each registered event gets an id, this service as source, the clock's time, and as sequence the
 * version the aggregate reaches with it ({@code version + 1}, {@code version + 2}, ...); the stored version
 * becomes the last of them ({@code version + 1} for a change without events).
 *
 * <p>A new aggregate (version 0 or null) is inserted with its events. An update never rewrites the
 * pending-event list: it sets the other fields and appends this change's events with {@code $push}, under a
 * check of the version the aggregate was read at. Rewriting the list would bring back events the relay
 * published and removed since the aggregate was read, and they would go out twice.
 */
public class EventOutbox {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventFactory events;
    private final StudentIndex students;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    public EventOutbox(MongoTemplate mongo, OutboxRelay relay, EventFactory events, StudentIndex students) {
        this.mongo = mongo;
        this.relay = relay;
        this.events = events;
        this.students = students;
    }

    /**
     * Stores a new aggregate or a change of one. Fails with {@link DuplicateKeyException} for a new one whose id
     * exists, with {@link OptimisticLockingFailureException} if the stored one changed since it was read.
     */
    public <T extends AggregateRoot> T save(T aggregate) {
        if (!saveAll(List.of(aggregate)).isEmpty()) {
            String what = aggregate.getClass().getSimpleName() + " " + aggregate.getId();
            if (isNew(entityOf(aggregate), aggregate)) {
                throw new DuplicateKeyException(what + " exists already");
            }
            throw new OptimisticLockingFailureException(what + " changed since it was read");
        }
        return aggregate;
    }

    /**
     * Stores aggregates of one type in one unordered bulk write.
     *
     * @return ids that were not written because another writer created or changed them first: read them again
     *         and decide again
     */
    public Set<String> saveAll(Collection<? extends AggregateRoot> aggregates) {
        if (aggregates.isEmpty()) {
            return Set.of();
        }
        String collection = null;
        List<WriteModel<Document>> writes = new ArrayList<>(aggregates.size());
        List<Change> changes = new ArrayList<>(aggregates.size());
        Set<String> updates = new LinkedHashSet<>();
        for (AggregateRoot aggregate : aggregates) {
            Change change = changeOf(aggregate);
            if (collection != null && !collection.equals(change.collection())) {
                throw new IllegalArgumentException("One bulk save writes one collection");
            }
            collection = change.collection();
            writes.add(change.write());
            changes.add(change);
            if (change.readVersion() > 0) {
                updates.add(aggregate.getId());
            }
        }
        ensureVersionIndex(changes.get(0).aggregate(), collection);
        if (changes.get(0).aggregate() instanceof ListedByStudent) {
            students.ensureIndex(collection);
        }
        Set<String> conflicts = new HashSet<>();
        BulkWriteResult result;
        try {
            result = mongo.getCollection(collection).bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                conflicts.add(changes.get(error.getIndex()).aggregate().getId());
            }
            result = e.getWriteResult();
        }
        if (result.getMatchedCount() < updates.size() - countIn(conflicts, updates)) {
            // Which update missed is not reported: the caller reads them all again and decides again.
            conflicts.addAll(updates);
        }
        for (Change change : changes) {
            if (!conflicts.contains(change.aggregate().getId())) {
                written(change);
            }
        }
        return conflicts;
    }

    private Change changeOf(AggregateRoot aggregate) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        Object current = entity.getPropertyAccessor(aggregate).getProperty(versionProperty);
        long version = current == null ? 0 : ((Number) current).longValue();

        List<Object> stamped = new ArrayList<>();
        for (PendingEvent pending : aggregate.stampRegisteredEvents(events, version)) {
            stamped.add(mongo.getConverter().convertToMongoType(pending));
        }
        long newVersion = version + Math.max(1, stamped.size());

        Document fields = new Document();
        mongo.getConverter().write(aggregate, fields);
        fields.put(versionProperty.getFieldName(), newVersion);
        String collection = entity.getCollection();
        if (version <= 0) {
            fields.put(OutboxDocument.PENDING_EVENTS, stamped);
            return new Change(aggregate, collection, new InsertOneModel<>(fields), version, newVersion, stamped.size());
        }
        fields.remove("_id");
        Document update = new Document("$set", fields);
        // Fields now null are absent from the converted document: remove them rather than keep old values.
        Document unset = new Document();
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !fields.containsKey(field)) {
                unset.put(field, "");
            }
        });
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!stamped.isEmpty()) {
            update.put("$push", new Document(OutboxDocument.PENDING_EVENTS, new Document("$each", stamped)));
        }
        return new Change(aggregate, collection,
                new UpdateOneModel<>(VersionedFilter.of(aggregate.getId(), versionProperty.getFieldName(), version), update),
                version, newVersion,
                stamped.size());
    }

    /** After a change was written: the aggregate takes its new version, and the relay publishes its events. */
    private void written(Change change) {
        AggregateRoot aggregate = change.aggregate();
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        PersistentPropertyAccessor<AggregateRoot> accessor = entity.getPropertyAccessor(aggregate);
        Class<?> type = versionProperty.getType();
        accessor.setProperty(versionProperty, type == int.class || type == Integer.class
                ? (Object) (int) change.newVersion() : (Object) change.newVersion());
        if (change.events() > 0) {
            relay.publishSoon(change.collection(), aggregate.getId(), change.events());
        }
    }

    /**
     * An update's filter is {@code (_id, version)}: a unique index on exactly those fields serves it on MongoDB
     * and on the in-process server alike (which otherwise scans the collection for a filter beside {@code _id}).
     */
    private void ensureVersionIndex(AggregateRoot aggregate, String collection) {
        if (indexed.add(collection)) {
            String version = entityOf(aggregate).getVersionProperty().getFieldName();
            mongo.getCollection(collection).createIndex(Indexes.ascending("_id", version),
                    new IndexOptions().unique(true).name("id_" + version));
        }
    }

    private boolean isNew(MongoPersistentEntity<?> entity, AggregateRoot aggregate) {
        Object version = entity.getPropertyAccessor(aggregate).getProperty(entity.getVersionProperty());
        return version == null || ((Number) version).longValue() <= 0;
    }

    private static int countIn(Set<String> conflicts, Set<String> updates) {
        return (int) conflicts.stream().filter(updates::contains).count();
    }

    @SuppressWarnings("unchecked")
    private MongoPersistentEntity<AggregateRoot> entityOf(AggregateRoot aggregate) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        if (entity.getVersionProperty() == null) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName() + " needs a @Version field to be saved through the outbox");
        }
        return (MongoPersistentEntity<AggregateRoot>) entity;
    }

    /** One aggregate's write: state, version and the change's events in one document write. */
    private record Change(AggregateRoot aggregate, String collection, WriteModel<Document> write, long readVersion,
                          long newVersion, int events) {
    }
}
