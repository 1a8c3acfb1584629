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
     * Decodes a batch for a batch listener. A record that does not decode fails the batch at its index, so the
     * error handler commits the records before it and dead-letters that one.
     */
    public static List<EventEnvelope<VouchEvent>> decodeAll(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope<VouchEvent>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(decode(records.get(i)));
            } catch (EventDecodingException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        return events;
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
