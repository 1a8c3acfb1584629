package dev.vouch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md, the catalogue for subscribers, stays in step with the code, the schemas and the golden examples. */
class EventCatalogueDocTest {

    /** Maven runs tests in the module directory; the catalogue is at the repository root. */
    private static final Path CATALOGUE = Path.of("..", "docs", "events.md");

    private static final Pattern FIELD_ROW = Pattern.compile("^\\|\\s*`(\\w+)`\\s*\\|[^|]*\\|\\s*(yes|no)\\s*\\|", Pattern.MULTILINE);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static final String TEXT = read();

    @Test
    void namesEveryEventType() {
        assertThat(EventType.values()).allSatisfy(type -> assertThat(TEXT).contains("`" + type.ceType() + "`"));
    }

    @Test
    void describesTheTransport() {
        assertThat(TEXT).contains("ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "content-type",
                "ce_tenant", "ce_studentid", "ce_sequence");
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(TEXT).contains("`" + topic + "`", "`" + Topics.deadLetter(topic) + "`"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sectionNamesTypeTopicAndEveryField(EventType type) {
        String section = section(type);

        assertThat(section).contains("`" + type.ceType() + "`", "`" + type.topic() + "`");
        assertThat(Arrays.stream(type.recordClass().getRecordComponents()).map(RecordComponent::getName))
                .allSatisfy(name -> assertThat(section).as("%s mentions `%s`", type.eventName(), name)
                        .contains("`" + name + "`"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fieldsTableMatchesTheSchema(EventType type) {
        Map<String, Boolean> rows = new LinkedHashMap<>();
        Matcher row = FIELD_ROW.matcher(section(type));
        while (row.find()) {
            rows.put(row.group(1), row.group(2).equals("yes"));
        }
        JsonNode schema = Contracts.schema(type);

        assertThat(rows.keySet()).containsExactlyElementsOf(schema.get("properties").propertyNames());
        rows.forEach((field, required) -> assertThat(required)
                .as("%s.%s required", type.eventName(), field)
                .isEqualTo(schema.get("required").valueStream().anyMatch(name -> name.asString().equals(field))));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleIsTheGoldenExample(EventType type) {
        Matcher block = JSON_BLOCK.matcher(section(type));

        assertThat(block.find()).as("a json example in the section of %s", type.eventName()).isTrue();
        assertThat(Contracts.JSON.readTree(block.group(1))).isEqualTo(Contracts.golden(type));
    }

    @Test
    void listsEveryValueOfEveryEnumeration() {
        Set<Class<?>> enums = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (EventType type : EventType.values()) {
            for (RecordComponent component : type.recordClass().getRecordComponents()) {
                if (component.getType().isEnum()) {
                    enums.add(component.getType());
                } else if (component.getGenericType() instanceof ParameterizedType generic
                        && generic.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
                    enums.add(element);
                }
            }
        }

        assertThat(enums).isNotEmpty().allSatisfy(enumType -> {
            String row = TEXT.lines().filter(line -> line.startsWith("| `" + enumType.getSimpleName() + "` |"))
                    .findFirst().orElse("");
            boolean open = Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals("OTHER"));
            assertThat(row).as("row of %s", enumType.getSimpleName()).contains(open ? "| open |" : "| closed |");
            assertThat(Arrays.stream(enumType.getEnumConstants()).map(c -> "`" + ((Enum<?>) c).name() + "`").toList())
                    .allSatisfy(value -> assertThat(row).contains(value));
        });
    }

    /** From the heading {@code ### <EventName>} to the next heading. */
    private static String section(EventType type) {
        List<String> lines = TEXT.lines().toList();
        int start = lines.indexOf("### " + type.eventName());
        assertThat(start).as("heading ### %s in %s", type.eventName(), CATALOGUE).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        return String.join("\n", lines.subList(start, end)) + "\n";
    }

    private static String read() {
        try {
            return Files.readString(CATALOGUE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the event catalogue at " + CATALOGUE.toAbsolutePath(), e);
        }
    }
}
