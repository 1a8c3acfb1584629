package dev.vouch.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Record values Vouch produces: CloudEvents in binary mode (attributes become {@code ce_*} headers), and raw
 * bytes, which is how a dead letter is passed on unchanged beside its original headers.
 */
public class EventValueSerializer implements Serializer<Object> {

    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    public EventValueSerializer() {
        configure(Map.of(), false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> settings = new HashMap<>(configs);
        settings.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY);
        cloudEvents.configure(settings, isKey);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        throw new IllegalArgumentException("A CloudEvent needs headers; use serialize(topic, headers, data)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        if (data instanceof CloudEvent event) {
            return cloudEvents.serialize(topic, headers, event);
        }
        return serialize(topic, data);
    }
}
