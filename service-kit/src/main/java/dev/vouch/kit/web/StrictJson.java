package dev.vouch.kit.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;

/**
 * How every Vouch API reads JSON: exactly what the API describes, nothing guessed. A member the body type
 * does not have (at any depth), a duplicate key, a value of the wrong JSON type (a number for text, text for
 * a number or a boolean, a float for a whole number, an object or array for a scalar) and text holding an
 * unpaired surrogate or a control character all fail the read, and the kit answers 400 naming the field.
 * {@code null} stays "not given": Bean Validation refuses it where a field is required.
 * <p>
 * Jackson 3 already refuses trailing tokens and nulls for primitives by default; Spring Boot turns
 * FAIL_ON_UNKNOWN_PROPERTIES off, so it is switched back on here with the rest.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static void configure(MapperBuilder<?, ?> builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.String, CoercionInputShape.Float,
                        CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.String, CoercionInputShape.Integer,
                        CoercionInputShape.Float, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Enum, refuse(CoercionInputShape.Integer, CoercionInputShape.EmptyString))
                .withCoercionConfigDefaults(refuse(CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray))
                .addModule(new SimpleModule("vouch-strict-json")
                        .addDeserializer(String.class, new CheckedText(false))
                        .addDeserializer(Instant.class, new TextualInstant()));
    }

    private static java.util.function.Consumer<tools.jackson.databind.cfg.MutableCoercionConfig> refuse(
            CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /** The first character a text may not hold, described for the client; null if the text is clean. */
    static String fault(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (" + codePoint(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (" + codePoint(c) + ")";
            }
            if (Character.isISOControl(c) && !(freeText && (c == '\t' || c == '\n'))) {
                return "contains a control character (" + codePoint(c) + ")"
                        + (freeText ? "; only tab and line feed are allowed" : "; it must be a single line of text");
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** A text value that fails {@link #fault}: the kit answers 400 with this message for the field. */
    public static final class InvalidTextException extends MismatchedInputException {
        InvalidTextException(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    /** Text as Jackson reads it, then checked; everything that is not a JSON string is refused by coercion rules. */
    private static final class CheckedText extends ValueDeserializer<String> {

        private final boolean freeText;

        CheckedText(boolean freeText) {
            this.freeText = freeText;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new CheckedText(free);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getString() : StringDeserializer.instance.deserialize(p, ctxt);
            String fault = text == null ? null : fault(text, freeText);
            if (fault != null) {
                throw new InvalidTextException(p, fault);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Instants only from ISO-8601 text: a bare number would silently become seconds since 1970. */
    private static final class TextualInstant extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
