package dev.vouch.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Maps envelopes to and from CloudEvents 1.0. The Kafka binary-mode binding of the SDK turns the attributes
 * into {@code ce_*} headers and the data into the record value.
 */
public final class CloudEvents {

    public static final String TENANT = "tenant";
    public static final String STUDENT_ID = "studentid";
    public static final String SEQUENCE = "sequence";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    public static CloudEvent toCloudEvent(EventEnvelope<?> envelope) {
        return toCloudEvent(envelope.id(), envelope.type(), envelope.source(), envelope.time(), envelope.subject(),
                envelope.tenant(), envelope.studentId(), envelope.sequence(), EventCodec.encode(envelope.payload()));
    }

    /** A CloudEvent of an event already encoded ({@code data} is its JSON): what an outbox stored and now sends. */
    public static CloudEvent toCloudEvent(String id, String type, URI source, Instant time, String subject,
                                          String tenant, String studentId, long sequence, byte[] data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withSubject(subject)
                .withDataContentType(JSON)
                .withExtension(TENANT, tenant)
                .withExtension(STUDENT_ID, studentId)
                .withExtension(SEQUENCE, String.valueOf(sequence))
                .withData(data)
                .build();
    }

    /** Decodes a CloudEvent; throws {@link EventDecodingException} for an unknown type or a bad payload. */
    public static EventEnvelope<VouchEvent> fromCloudEvent(CloudEvent event) {
        EventType type = EventType.fromCeType(event.getType())
                .orElseThrow(() -> new EventDecodingException("Unknown event type: " + event.getType()));
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        VouchEvent payload = EventCodec.decode(type, data);
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        if (time == null) {
            throw new EventDecodingException("Missing time attribute on " + event.getId());
        }
        return new EventEnvelope<>(event.getId(), event.getType(), event.getSource(), time,
                event.getSubject(), required(event, TENANT), required(event, STUDENT_ID),
                sequence(event), payload);
    }

    private static String required(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        if (value == null || value.toString().isBlank()) {
            throw new EventDecodingException("Missing extension attribute '" + name + "' on " + event.getId());
        }
        return value.toString();
    }

    private static long sequence(CloudEvent event) {
        Object value = event.getExtension(SEQUENCE);
        if (value == null) {
            return 0L;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new EventDecodingException("Bad sequence '" + value + "' on " + event.getId(), e);
        }
    }
}
