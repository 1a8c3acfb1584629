package dev.vouch.request.letter;

import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON body of POST /letters, valid unless a test breaks it on purpose. */
final class LetterBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LetterBody() {
    }

    static LetterBody valid(String mentorId, Instant deadline) {
        LetterBody body = new LetterBody();
        body.fields.put("mentorId", mentorId);
        body.fields.put("purpose", "RESIDENCY");
        body.fields.put("targets", List.of("Lakeside University Hospital Internal Medicine Residency",
                "Harbor County Medical Center Internal Medicine Residency"));
        body.fields.put("deadline", deadline.toString());
        body.fields.put("waiverSigned", true);
        body.fields.put("materials", List.of("PERSONAL_STATEMENT", "CV"));
        body.fields.put("message", "Would you be willing to write a letter for my residency applications?");
        return body;
    }

    /** Sets a field; a null value is sent as JSON null. */
    LetterBody with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    LetterBody without(String field) {
        fields.remove(field);
        return this;
    }

    String json() {
        return JSON.writeValueAsString(fields);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
