package dev.vouch.kit.messaging;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.concurrent.CompletableFuture;

/** Sends an envelope as a binary-mode CloudEvent, keyed by student id. Used by the outbox relay. */
public class EventPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final EventMetrics metrics;

    public EventPublisher(KafkaTemplate<String, Object> kafka, EventMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    public CompletableFuture<SendResult<String, Object>> publish(EventEnvelope<?> envelope) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(envelope.topic(), envelope.key(), CloudEvents.toCloudEvent(envelope));
        return kafka.send(record).whenComplete((result, error) -> metrics.published(envelope.type(), error == null));
    }
}
