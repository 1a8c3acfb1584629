package dev.vouch.kit.sample;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterRequested;
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

import java.util.List;

/** A batch listener: counts requested letters per mentor, one poll at a time. */
@Component
class LetterBatchTally {

    static final String COLLECTION = "sample_letter_tally";

    private final MongoTemplate mongo;

    LetterBatchTally(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.LETTERS, containerFactory = "batchListenerFactory")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        InboundEvents.handleBatch(records, events -> {
            for (EventEnvelope<VouchEvent> event : events) {
                if (event.payload() instanceof LetterRequested requested) {
                    mongo.upsert(Query.query(Criteria.where("_id").is(requested.mentorId())),
                            new Update().addToSet("events", event.id()), COLLECTION);
                }
            }
        });
    }

    int count(String mentorId) {
        org.bson.Document doc = mongo.findById(mentorId, org.bson.Document.class, COLLECTION);
        return doc == null ? 0 : doc.getList("events", String.class).size();
    }
}
