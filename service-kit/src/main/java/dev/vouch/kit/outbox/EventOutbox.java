package dev.vouch.kit.outbox;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.BasicUpdate;

import java.util.ArrayList;
import java.util.List;

/**
 * Saves an aggregate together with its new events in one single-document write, then hands the events to the
 * relay. No transaction is needed, so this works on any MongoDB-compatible server.
 *
 * <p>An update never rewrites the pending-event list: it sets the other fields and appends the events of this
 * change with {@code $push}, under a check of the version the aggregate was read at. Rewriting the list would
 * bring back events the relay published and removed since the aggregate was read, and they would go out twice.
 * The events of a change are those whose {@code sequence} is above the version the aggregate was read at: give
 * the change's events the versions that follow ({@code version + 1}, {@code version + 2}, ...). The stored
 * version becomes the last of them (or {@code version + 1} for a change without events).
 */
public class EventOutbox {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public EventOutbox(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Inserts a new document with all its events; a duplicate id fails with {@link org.springframework.dao.DuplicateKeyException}. */
    public <T extends OutboxDocument> T insert(T aggregate) {
        T saved = mongo.insert(aggregate);
        relay.publishSoon(mongo.getCollectionName(saved.getClass()), saved.getId());
        return saved;
    }

    /**
     * Stores a change of an existing document and appends its new events. Fails with
     * {@link OptimisticLockingFailureException} if the document changed since it was read.
     */
    public <T extends OutboxDocument> T save(T aggregate) {
        Change change = changeOf(aggregate);
        if (mongo.updateFirst(new BasicQuery(change.filter()), new BasicUpdate(change.update()), change.collection())
                .getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(aggregate.getClass().getSimpleName() + " " + aggregate.getId()
                    + " changed since version " + change.readVersion());
        }
        written(aggregate, change);
        return aggregate;
    }

    /**
     * The write that {@link #save} would make, for callers that write many aggregates in one bulk operation:
     * they send {@link Change#filter()} and {@link Change#update()} as an update-one and, for each that matched,
     * call {@link #written}.
     */
    public <T extends OutboxDocument> Change changeOf(T aggregate) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        long version = ((Number) entity.getPropertyAccessor(aggregate).getProperty(versionProperty)).longValue();

        Document fields = new Document();
        mongo.getConverter().write(aggregate, fields);
        fields.remove("_id");
        fields.remove(OutboxDocument.PENDING_EVENTS);
        List<PendingEvent> added = aggregate.getPendingEvents().stream().filter(event -> event.sequence() > version).toList();
        long newVersion = Math.max(version + 1, added.stream().mapToLong(PendingEvent::sequence).max().orElse(0));
        fields.put(versionProperty.getFieldName(), newVersion);

        Document update = new Document("$set", fields);
        // Fields now null are absent from the converted document: remove them rather than keep old values.
        Document unset = new Document();
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !fields.containsKey(field) && !OutboxDocument.PENDING_EVENTS.equals(field)) {
                unset.put(field, "");
            }
        });
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!added.isEmpty()) {
            List<Object> events = new ArrayList<>(added.size());
            added.forEach(event -> events.add(mongo.getConverter().convertToMongoType(event)));
            update.put("$push", new Document(OutboxDocument.PENDING_EVENTS, new Document("$each", events)));
        }
        Document filter = new Document("_id", aggregate.getId()).append(versionProperty.getFieldName(), version);
        return new Change(mongo.getCollectionName(aggregate.getClass()), aggregate.getId(), filter, update, version,
                newVersion, !added.isEmpty());
    }

    /** After a {@link Change} was written: sets the aggregate's new version and publishes its events. */
    public <T extends OutboxDocument> void written(T aggregate, Change change) {
        MongoPersistentEntity<?> entity = entityOf(aggregate);
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        Class<?> type = versionProperty.getType();
        accessor.setProperty(versionProperty, type == int.class || type == Integer.class
                ? (Object) (int) change.newVersion() : (Object) change.newVersion());
        if (change.hasEvents()) {
            relay.publishSoon(change.collection(), change.id());
        }
    }

    private MongoPersistentEntity<?> entityOf(OutboxDocument aggregate) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        if (entity.getVersionProperty() == null) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName() + " needs a @Version field to be saved through the outbox");
        }
        return entity;
    }

    /** One aggregate's change as a MongoDB update: state, version and the change's events in one document write. */
    public record Change(String collection, String id, Document filter, Document update, long readVersion,
                         long newVersion, boolean hasEvents) {
    }
}
