package dev.vouch.kit.outbox;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Saves an aggregate together with its pending events in one single-document write, then hands the events
 * to the relay. No transaction is needed, so this works on any MongoDB-compatible server.
 */
public class EventOutbox {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public EventOutbox(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Inserts or updates (optimistic locking applies where the document has a {@code @Version}). */
    public <T extends OutboxDocument> T save(T aggregate) {
        T saved = mongo.save(aggregate);
        relay.publishSoon(mongo.getCollectionName(saved.getClass()), saved.getId());
        return saved;
    }

    /** Inserts a new document; a duplicate id fails with {@link org.springframework.dao.DuplicateKeyException}. */
    public <T extends OutboxDocument> T insert(T aggregate) {
        T saved = mongo.insert(aggregate);
        relay.publishSoon(mongo.getCollectionName(saved.getClass()), saved.getId());
        return saved;
    }
}
