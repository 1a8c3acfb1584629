package dev.vouch.kit.messaging;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventDecodingException;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.VouchEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes consumed records. Listeners receive raw bytes and decode here, so that a record that is not a
 * Vouch event fails inside the listener with {@link EventDecodingException} and reaches the dead-letter
 * topic byte for byte, headers included.
 */
public final class InboundEvents {

    private static final CloudEventDeserializer CLOUD_EVENTS = new CloudEventDeserializer();

    private InboundEvents() {
    }

    public static EventEnvelope<VouchEvent> decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CLOUD_EVENTS.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw new EventDecodingException("Not a CloudEvent at " + position(record) + ": " + e.getMessage(), e);
        }
        try {
            return CloudEvents.fromCloudEvent(event);
        } catch (EventDecodingException e) {
            throw new EventDecodingException(e.getMessage() + " at " + position(record), e);
        }
    }

    /**
     * Handles a batch for a batch listener: decodes the records in order and hands the decoded events to
     * {@code apply} (typically one bulk write). If a record does not decode, the events before it are applied
     * and the batch fails at that record's index, so the error handler commits what was applied and
     * dead-letters that record alone; the rest of the poll is delivered again.
     */
    public static void handleBatch(List<ConsumerRecord<String, byte[]>> records,
                                   Consumer<List<EventEnvelope<VouchEvent>>> apply) {
        List<EventEnvelope<VouchEvent>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(decode(records.get(i)));
            } catch (EventDecodingException e) {
                if (!events.isEmpty()) {
                    apply.accept(events);
                }
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        apply.accept(events);
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
