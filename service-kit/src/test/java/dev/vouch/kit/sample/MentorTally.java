package dev.vouch.kit.sample;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts MentorAdded events per mentor, idempotent by the shape of the write: each event's id is added to a set,
 * so a redelivered event changes nothing. A mentor named "explode" always fails, to exercise retries and dead
 * letters.
 */
@Component
class MentorTally {

    static final String COLLECTION = "sample_tally";

    private final MongoTemplate mongo;

    MentorTally(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.MENTORS)
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<VouchEvent> event = InboundEvents.decode(record).orElse(null);
        if (event != null && event.payload() instanceof MentorAdded added) {
            if ("explode".equals(added.name())) {
                throw new IllegalStateException("cannot tally " + added.mentorId());
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(added.mentorId())),
                    new Update().addToSet("events", event.id()), COLLECTION);
        }
    }

    int count(String mentorId) {
        org.bson.Document doc = mongo.findById(mentorId, org.bson.Document.class, COLLECTION);
        return doc == null ? 0 : doc.getList("events", String.class).size();
    }
}
