package dev.vouch.mentor.letters;

import dev.vouch.events.Topics;
import dev.vouch.kit.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the per-mentor letter counts from the letters request-service publishes. */
@Component
class LetterEventsListener {

    private final MentorLettersProjection projection;

    LetterEventsListener(MentorLettersProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.LETTERS, containerFactory = "batchListenerFactory")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        InboundEvents.handleBatch(records, events -> {
            try {
                projection.apply(events);
            } catch (RuntimeException e) {
                // The write is idempotent, so the batch is retried from its first record whatever was applied.
                throw new BatchListenerFailedException("Projecting letter events failed: " + e.getMessage(), e, 0);
            }
        });
    }
}
