package dev.vouch.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas (draft 2020-12) published for subscribers, one per event type. */
class SchemaTest {

    /** Format assertions on, so {@code format: date-time} is checked, not only annotated. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /** Keywords of 2020-12 that draft-07 (and so AsyncAPI 3.0's default schema format) reads differently. */
    private static final Set<String> NOT_IN_DRAFT_07 = Set.of("$defs", "$anchor", "$dynamicRef", "$dynamicAnchor",
            "prefixItems", "unevaluatedProperties", "unevaluatedItems", "dependentRequired", "dependentSchemas",
            "$vocabulary", "minContains", "maxContains");

    @Test
    void everyEventTypeHasASchema() {
        assertThat(EventType.values())
                .allSatisfy(type -> assertThat(Contracts.exists(Contracts.schemaPath(type)))
                        .as("schema %s", Contracts.schemaPath(type))
                        .isTrue());
        assertThat(Contracts.fileNames(Contracts.SCHEMAS)).hasSize(EventType.values().length);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenExampleIsValid(EventType type) {
        assertThat(errors(type, Contracts.golden(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void archivedExampleIsValid(EventType type) {
        JsonNode archived = Contracts.tree(Contracts.GOLDEN_ARCHIVE + "/" + Contracts.versionedName(type) + ".json");

        assertThat(errors(type, archived)).isEmpty();
    }

    @Test
    void exampleWithoutARequiredFieldIsInvalid() {
        ObjectNode broken = (ObjectNode) Contracts.golden(EventType.LETTER_REQUESTED);
        broken.remove("mentorId");

        assertThat(errors(EventType.LETTER_REQUESTED, broken))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.getKeyword()).isEqualTo("required");
                    assertThat(error.getMessage()).contains("mentorId");
                });
    }

    @Test
    void instantThatIsNotADateTimeIsInvalid() {
        ObjectNode broken = (ObjectNode) Contracts.golden(EventType.LETTER_DEADLINE_CHANGED);
        broken.put("deadline", "next Friday");

        assertThat(errors(EventType.LETTER_DEADLINE_CHANGED, broken))
                .singleElement()
                .satisfies(error -> assertThat(error.getKeyword()).isEqualTo("format"));
    }

    @Test
    void unknownEnumValueIsInvalidButAnExtraFieldIsNot() {
        ObjectNode newer = (ObjectNode) Contracts.golden(EventType.REMINDER_RESOLVED);
        newer.put("resolvedBy", "advisor");
        assertThat(errors(EventType.REMINDER_RESOLVED, newer)).isEmpty();

        newer.put("resolution", "EXPIRED");
        assertThat(errors(EventType.REMINDER_RESOLVED, newer))
                .singleElement()
                .satisfies(error -> assertThat(error.getKeyword()).isEqualTo("enum"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecordComponents(EventType type) {
        JsonNode schema = Contracts.schema(type);
        RecordComponent[] components = type.recordClass().getRecordComponents();

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("title").asString()).isEqualTo(type.eventName());
        assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.get("properties").propertyNames())
                .containsExactly(Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
        assertThat(strings(schema.get("required"))).isSubsetOf(schema.get("properties").propertyNames());
        for (RecordComponent component : components) {
            JsonNode property = schema.get("properties").get(component.getName());
            if (component.getType().isPrimitive()) {
                // the codec always writes primitives, so a subscriber can rely on them
                assertThat(strings(schema.get("required"))).as("required").contains(component.getName());
            }
            if (component.getType().isEnum()) {
                assertThat(strings(property.get("enum"))).as(component.getName())
                        .containsExactly(constants(component.getType()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaStaysReadableAsDraft07(EventType type) {
        assertThat(keywords(Contracts.schema(type))).doesNotContainAnyElementsOf(NOT_IN_DRAFT_07);
    }

    private static List<Error> errors(EventType type, JsonNode instance) {
        Schema schema = REGISTRY.getSchema(Contracts.schema(type));
        return schema.validate(instance);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String[] constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new);
    }

    private static Set<String> keywords(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                names.add(field.getKey());
                names.addAll(keywords(field.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(item -> names.addAll(keywords(item)));
        }
        return names;
    }
}
