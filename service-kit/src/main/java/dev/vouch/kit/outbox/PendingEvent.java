package dev.vouch.kit.outbox;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventCodec;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.EventType;
import io.cloudevents.CloudEvent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. It is written in the same single-document
 * write as the state change it describes, so the two can never disagree. {@code payload} is the event's JSON
 * as encoded when it was recorded; the relay sends exactly those bytes.
 */
public record PendingEvent(
        String eventId,
        String type,
        String source,
        Instant time,
        String subject,
        String tenant,
        String studentId,
        long sequence,
        String payload) {

    public static PendingEvent of(EventEnvelope<?> envelope) {
        return new PendingEvent(envelope.id(), envelope.type(), envelope.source().toString(), envelope.time(),
                envelope.subject(), envelope.tenant(), envelope.studentId(), envelope.sequence(),
                new String(EventCodec.encode(envelope.payload()), StandardCharsets.UTF_8));
    }

    /** The CloudEvent to send: the stored attributes and the stored payload, not decoded and encoded again. */
    public CloudEvent toCloudEvent() {
        return CloudEvents.toCloudEvent(eventId, type, URI.create(source), time, subject, tenant, studentId, sequence,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    public String topic() {
        return EventType.fromCeType(type).map(EventType::topic)
                .orElseThrow(() -> new IllegalStateException("Unknown event type in outbox: " + type));
    }
}
