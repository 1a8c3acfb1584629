package dev.vouch.kit.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.util.Date;

/**
 * Remembers which events a consumer has handled, under a unique key (consumer, event id), so that a
 * redelivered event is a no-op. For effects that cannot be made idempotent by the shape of the write
 * (projections should prefer a sequence guard on the aggregate's own document).
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Runs {@code effect} unless this consumer already handled the event. The mark is written first and
     * removed again if the effect fails, so a retry runs it once more.
     *
     * @return true if the effect ran now, false for a duplicate
     */
    public boolean once(String consumer, String eventId, Runnable effect) {
        String key = consumer + "/" + eventId;
        try {
            mongo.insert(new Document("_id", key).append("at", Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
        try {
            effect.run();
            return true;
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
            throw e;
        }
    }
}
