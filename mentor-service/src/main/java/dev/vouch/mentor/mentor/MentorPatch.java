package dev.vouch.mentor.mentor;

import dev.vouch.kit.web.ApiException;
import dev.vouch.kit.web.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies a JSON merge patch to a mentor's details and checks the result exactly as {@code POST} checks a new
 * mentor. The patch is merged into the current details as JSON first, because only the JSON tells "absent"
 * (keep) from {@code null} (clear); a record of optional fields reads both the same way.
 */
@Component
public class MentorPatch {

    private final JsonMapper json;
    private final ObjectReader strictReader;
    private final Validator validator;

    public MentorPatch(JsonMapper json, Validator validator) {
        this.json = json;
        // The API's strict reading (the kit's StrictJson); a member the details do not have (id, status, version,
        // a typo) is refused rather than silently ignored, whatever the mapper's own setting.
        this.strictReader = json.readerFor(MentorDetails.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    /** The details after the patch; 400 naming the field if the patch or its result is not valid. */
    public MentorDetails apply(MentorDetails current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw invalid(List.of(error("body", "must be a JSON object (a JSON merge patch of the mentor)")));
        }
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(current), patch);
        MentorDetails next;
        try {
            next = strictReader.readValue(merged);
        } catch (JacksonException e) {
            throw invalid(List.of(error(path(e), message(e))));
        }
        List<Map<String, String>> violations = validator.validate(next).stream()
                .sorted(Comparator.comparing((ConstraintViolation<MentorDetails> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> error(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return next;
    }

    private static String message(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of a mentor that can be changed";
        }
        if (e instanceof StrictJson.InvalidTextException) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "'" + invalid.getValue() + "' is not one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid value";
        }
        return "has the wrong type";
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path.replace(".[", "[");
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** The same problem body the kit answers for an invalid {@code @Valid} request body. */
    private static ApiException invalid(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail).with("errors", errors);
    }
}
