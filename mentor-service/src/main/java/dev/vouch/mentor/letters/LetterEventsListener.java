package dev.vouch.mentor.letters;

import dev.vouch.events.LetterEvent;
import dev.vouch.events.Topics;
import dev.vouch.kit.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps the per-mentor letter counts from the letters request-service publishes. */
@Component
class LetterEventsListener {

    private static final Logger log = LoggerFactory.getLogger(LetterEventsListener.class);

    private final MentorLettersProjection projection;
    private final ApplicationEventPublisher publisher;

    LetterEventsListener(MentorLettersProjection projection, ApplicationEventPublisher publisher) {
        this.projection = projection;
        this.publisher = publisher;
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
            Map<String, Set<String>> mentors = new HashMap<>();
            events.forEach(event -> {
                if (event.payload() instanceof LetterEvent letter && letter.mentorId() != null) {
                    mentors.computeIfAbsent(event.tenant(), tenant -> new HashSet<>()).add(letter.mentorId());
                }
            });
            try {
                publisher.publishEvent(new LettersProjected(mentors));
            } catch (RuntimeException e) {
                // The projection is stored; what listens (the writers' load) checks again on its schedule.
                log.warn("Reacting to projected letter events failed", e);
            }
        });
    }
}
