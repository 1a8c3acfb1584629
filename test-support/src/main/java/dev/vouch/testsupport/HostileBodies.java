package dev.vouch.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bodies a strict API must refuse, built from one valid body: fields the API does not have (at the top and,
 * where the body has an object, inside it; tenant, student and roles among them), a text field holding a
 * number, a boolean, an object, an array, a lone surrogate or a control character, a number field holding
 * text, and a key given twice. Each comes with the field the 400 must name.
 */
public final class HostileBodies {

    /** One refused body and the field its problem must name. */
    public record Case(String label, String body, String field) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Map<String, String> members = new LinkedHashMap<>();
    private String textField;
    private String numberField;
    private String nestedObject;

    private HostileBodies() {
    }

    /** Starts from a valid body, given as its members with their JSON values written out. */
    public static HostileBodies from(Map<String, String> validMembers) {
        HostileBodies bodies = new HostileBodies();
        bodies.members.putAll(validMembers);
        return bodies;
    }

    /** A text field of the body, to be given values of the wrong type and bad text. */
    public HostileBodies text(String field) {
        this.textField = field;
        return this;
    }

    /** A number field of the body, to be given text. */
    public HostileBodies number(String field) {
        this.numberField = field;
        return this;
    }

    /** A member that holds an object, to get an unknown field inside it. */
    public HostileBodies nested(String field) {
        this.nestedObject = field;
        return this;
    }

    public String valid() {
        return write(members);
    }

    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, String> unknown : Map.of(
                "cadenceDays", "30", "tenant", "\"other-school\"", "studentId", "\"someone-else\"",
                "role", "\"ADVISOR\"", "roles", "[\"ADVISOR\"]").entrySet()) {
            cases.add(new Case("unknown field " + unknown.getKey(), with(unknown.getKey(), unknown.getValue()),
                    unknown.getKey()));
        }
        if (nestedObject != null) {
            String inner = members.getOrDefault(nestedObject, "{}").trim();
            String extended = inner.equals("{}") ? "{\"knowsWork\":5}"
                    : inner.substring(0, inner.length() - 1) + ",\"knowsWork\":5}";
            cases.add(new Case("unknown field inside " + nestedObject, with(nestedObject, extended),
                    nestedObject + ".knowsWork"));
        }
        if (textField != null) {
            cases.add(new Case(textField + " as a number", with(textField, "12"), textField));
            cases.add(new Case(textField + " as a boolean", with(textField, "true"), textField));
            cases.add(new Case(textField + " as an object", with(textField, "{}"), textField));
            cases.add(new Case(textField + " as an array", with(textField, "[\"x\"]"), textField));
            cases.add(new Case(textField + " with a lone surrogate", with(textField, "\"\\ud800\""), textField));
            cases.add(new Case(textField + " with a lone low surrogate", with(textField, "\"ab\\udc00\""), textField));
            cases.add(new Case(textField + " with a control character", with(textField, "\"a\\u0007b\""), textField));
            cases.add(new Case(textField + " with a NUL", with(textField, "\"a\\u0000b\""), textField));
            cases.add(new Case(textField + " given twice", duplicated(textField), textField));
        }
        if (numberField != null) {
            cases.add(new Case(numberField + " as text", with(numberField, "\"30\""), numberField));
            cases.add(new Case(numberField + " as a fraction", with(numberField, "30.5"), numberField));
        }
        return cases;
    }

    private String with(String field, String json) {
        Map<String, String> changed = new LinkedHashMap<>(members);
        changed.put(field, json);
        return write(changed);
    }

    private String duplicated(String field) {
        String body = write(members);
        return body.substring(0, body.length() - 1) + ",\"" + field + "\":" + members.get(field) + "}";
    }

    private static String write(Map<String, String> members) {
        return members.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
