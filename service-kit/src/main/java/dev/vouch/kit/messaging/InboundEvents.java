package dev.vouch.kit.messaging;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventDecodingException;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.EventType;
import dev.vouch.events.VouchEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decodes consumed records. Listeners receive raw bytes and decode here, so that a record that is not a
 * Vouch event fails inside the listener with {@link EventDecodingException} and reaches the dead-letter
 * topic byte for byte, headers included; a well-formed event of a type this code does not know is skipped.
 */
public final class InboundEvents {

    private static final CloudEventDeserializer CLOUD_EVENTS = new CloudEventDeserializer();

    private InboundEvents() {
    }

    /**
     * Decodes a record. Empty for a well-formed CloudEvent of a type this code does not know (a newer major
     * version, an event added later): subscribers skip what they do not handle, so a producer can publish a new
     * type beside the old one without flooding older consumers' dead letters. Throws
     * {@link EventDecodingException} (the record goes to the dead-letter topic) for bytes that are not a
     * CloudEvent and for a known type whose payload or attributes do not decode.
     */
    public static Optional<EventEnvelope<VouchEvent>> decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CLOUD_EVENTS.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw new EventDecodingException("Not a CloudEvent at " + position(record) + ": " + e.getMessage(), e);
        }
        if (!handles(event.getType())) {
            return Optional.empty();
        }
        try {
            return Optional.of(CloudEvents.fromCloudEvent(event));
        } catch (EventDecodingException e) {
            throw new EventDecodingException(e.getMessage() + " at " + position(record), e);
        }
    }

    /**
     * Handles a batch for a batch listener: decodes the records in order, skips those of types this code does
     * not know, and hands the decoded events to {@code apply} (typically one bulk write). If a record does not
     * decode, the events before it are applied and the batch fails at that record's index, so the error handler
     * commits what was applied and dead-letters that record alone; the rest of the poll is delivered again.
     * A {@link BatchListenerFailedException} thrown by {@code apply} names an index in the list it was given;
     * it is passed on with the index of that event's record in the batch.
     */
    public static void handleBatch(List<ConsumerRecord<String, byte[]>> records,
                                   Consumer<List<EventEnvelope<VouchEvent>>> apply) {
        List<EventEnvelope<VouchEvent>> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Optional<EventEnvelope<VouchEvent>> event;
            try {
                event = decode(records.get(i));
            } catch (EventDecodingException e) {
                if (!events.isEmpty()) {
                    applyAt(events, positions, apply);
                }
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            if (event.isPresent()) {
                events.add(event.get());
                positions.add(i);
            }
        }
        if (!events.isEmpty()) {
            applyAt(events, positions, apply);
        }
    }

    private static void applyAt(List<EventEnvelope<VouchEvent>> events, List<Integer> positions,
                                Consumer<List<EventEnvelope<VouchEvent>>> apply) {
        try {
            apply.accept(events);
        } catch (BatchListenerFailedException e) {
            int index = e.getIndex() >= 0 && e.getIndex() < positions.size() ? positions.get(e.getIndex()) : e.getIndex();
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), index);
        }
    }

    /** Whether this code knows the type: every other well-formed event is skipped, and counted as skipped. */
    public static boolean handles(String ceType) {
        return EventType.fromCeType(ceType).isPresent();
    }

    /** The {@code ce_type} header, or null: for metrics and logs before (or without) decoding. */
    public static String ceType(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
