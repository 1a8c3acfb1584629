package dev.vouch.kit.messaging;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.concurrent.CompletableFuture;

/** Sends an envelope as a binary-mode CloudEvent, keyed by student id. The outbox relay sends what it stored as it is. */
public class EventPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final EventMetrics metrics;

    public EventPublisher(KafkaTemplate<String, Object> kafka, EventMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    public CompletableFuture<SendResult<String, Object>> publish(EventEnvelope<?> envelope) {
        return send(envelope.topic(), envelope.key(), envelope.type(), CloudEvents.toCloudEvent(envelope));
    }

    /** Sends a CloudEvent made elsewhere (the outbox's stored events) to {@code topic}, keyed by {@code key}. */
    public CompletableFuture<SendResult<String, Object>> send(String topic, String key, String type, CloudEvent event) {
        return kafka.send(new ProducerRecord<>(topic, key, event))
                .whenComplete((result, error) -> metrics.published(type, error == null));
    }
}
