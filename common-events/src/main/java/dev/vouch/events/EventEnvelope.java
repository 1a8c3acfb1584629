package dev.vouch.events;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its metadata, as carried in CloudEvents 1.0 attributes on the wire.
 *
 * @param id        unique per event ({@code ce_id}); consumers use it to drop duplicates
 * @param type      versioned type ({@code ce_type}), e.g. {@code dev.vouch.MentorAdded.v1}
 * @param source    the publishing service ({@code ce_source}), e.g. {@code /vouch/mentor-service}
 * @param time      when it happened ({@code ce_time})
 * @param subject   the aggregate's id ({@code ce_subject})
 * @param tenant    the institution ({@code ce_tenant} extension)
 * @param studentId the student the record belongs to ({@code ce_studentid} extension); also the Kafka key. Writer
 *                  events belong to no one student: they carry the writer id here ({@link WriterEvent})
 * @param sequence  the aggregate's version after this event ({@code ce_sequence} extension)
 * @param payload   the event record
 */
public record EventEnvelope<E extends VouchEvent>(
        String id,
        String type,
        URI source,
        Instant time,
        String subject,
        String tenant,
        String studentId,
        long sequence,
        E payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope with a random id, the payload's type and subject. */
    public static <E extends VouchEvent> EventEnvelope<E> of(
            E payload, URI source, Instant time, String tenant, String studentId, long sequence) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), EventType.of(payload).ceType(), source, time,
                payload.subject(), tenant, studentId, sequence, payload);
    }

    public EventType eventType() {
        return EventType.of(payload);
    }

    public String topic() {
        return eventType().topic();
    }

    /** The Kafka record key. */
    public String key() {
        return studentId;
    }
}
