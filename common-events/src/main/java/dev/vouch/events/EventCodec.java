package dev.vouch.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * JSON of event records: ISO-8601 instants, absent fields omitted, unknown fields ignored (so a subscriber
 * keeps decoding when a newer producer adds optional fields), unknown enum values read as {@code OTHER}
 * where the enum has one.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventCodec() {
    }

    public static byte[] encode(VouchEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    public static VouchEvent decode(EventType type, byte[] json) {
        if (json == null || json.length == 0) {
            throw new EventDecodingException("Empty payload for " + type.ceType());
        }
        try {
            return MAPPER.readValue(json, type.recordClass());
        } catch (JacksonException e) {
            throw new EventDecodingException("Payload is not a valid " + type.ceType() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static VouchEvent decode(String ceType, byte[] json) {
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new EventDecodingException("Unknown event type: " + ceType));
        return decode(type, json);
    }
}
