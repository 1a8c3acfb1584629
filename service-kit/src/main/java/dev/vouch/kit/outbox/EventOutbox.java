package dev.vouch.kit.outbox;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

/**
 * Saves an aggregate together with its new events in one single-document write, then hands the events to the
 * relay. No transaction is needed, so this works on any MongoDB-compatible server.
 *
 * <p>An update never rewrites the pending-event list: it sets the other fields and appends the events of this
 * change with {@code $push}, under a version check. Rewriting the list would bring back events the relay
 * published and removed since the aggregate was read, and they would go out twice. The events of a change are
 * those whose {@code sequence} is above the version the aggregate was read at: add them with
 * {@code sequence = version + 1}, the version the aggregate has once saved.
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
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        if (versionProperty == null) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName() + " needs a @Version field to be saved through the outbox");
        }
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(aggregate);
        long version = ((Number) accessor.getProperty(versionProperty)).longValue();

        Document fields = new Document();
        mongo.getConverter().write(aggregate, fields);
        fields.remove("_id");
        fields.remove(OutboxDocument.PENDING_EVENTS);
        fields.put(versionProperty.getFieldName(), version + 1);
        Update update = new Update();
        fields.forEach(update::set);
        // Fields now null are absent from the converted document: remove them rather than keep old values.
        entity.doWithProperties((MongoPersistentProperty property) -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !fields.containsKey(field) && !OutboxDocument.PENDING_EVENTS.equals(field)) {
                update.unset(field);
            }
        });
        List<Document> added = aggregate.getPendingEvents().stream()
                .filter(event -> event.sequence() > version)
                .map(event -> {
                    Document document = new Document();
                    mongo.getConverter().write(event, document);
                    document.remove("_class");
                    return document;
                })
                .toList();
        if (!added.isEmpty()) {
            update.push(OutboxDocument.PENDING_EVENTS).each(added.toArray());
        }

        String collection = mongo.getCollectionName(aggregate.getClass());
        Query current = Query.query(Criteria.where("_id").is(aggregate.getId()).and(versionProperty.getFieldName()).is(version));
        if (mongo.updateFirst(current, update, collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(aggregate.getClass().getSimpleName() + " " + aggregate.getId()
                    + " changed since version " + version);
        }
        accessor.setProperty(versionProperty, convert(version + 1, versionProperty.getType()));
        if (!added.isEmpty()) {
            relay.publishSoon(collection, aggregate.getId());
        }
        return aggregate;
    }

    private static Object convert(long value, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return (int) value;
        }
        return value;
    }
}
