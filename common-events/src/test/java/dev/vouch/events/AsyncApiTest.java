package dev.vouch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI 3.0 document lists every event on the channel of its topic, with its schema and headers. */
class AsyncApiTest {

    private static final String LOCATION = "asyncapi/vouch-asyncapi.yaml";
    private static final JsonNode DOC = YAMLMapper.builder().build().readTree(Contracts.bytes(LOCATION));

    private static final List<String> CLOUD_EVENT_HEADERS = List.of("ce_specversion", "ce_id", "ce_type",
            "ce_source", "ce_time", "ce_subject", "content-type", "ce_tenant", "ce_studentid", "ce_sequence");

    @Test
    void isAnAsyncApi3Document() {
        assertThat(DOC.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(DOC.path("info").path("title").asString()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventIsAMessageOnTheChannelOfItsTopic(EventType type) {
        String name = type.eventName();
        JsonNode channel = channelWithAddress(type.topic());

        assertThat(channel.path("messages").path(name).path("$ref").asString())
                .isEqualTo("#/components/messages/" + name);
        JsonNode message = DOC.at("/components/messages/" + name);
        assertThat(message.path("name").asString()).isEqualTo(name);
        assertThat(message.path("contentType").asString()).isEqualTo(CloudEvents.JSON);
        assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asString()).isEqualTo(type.ceType());
        assertThat(message.at("/payload/$ref").asString()).isEqualTo("../" + Contracts.schemaPath(type));
        assertThat(resolve(message.at("/bindings/kafka/key")).path("type").asString()).isEqualTo("string");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleShowsTheGoldenPayloadWithItsHeaders(EventType type) {
        JsonNode example = DOC.at("/components/messages/" + type.eventName() + "/examples/0");
        VouchEvent event = EventCodec.decode(type, Contracts.bytes(Contracts.goldenPath(type)));

        assertThat(example.path("payload")).isEqualTo(Contracts.golden(type));
        assertThat(example.path("headers").propertyNames()).containsExactlyInAnyOrderElementsOf(CLOUD_EVENT_HEADERS);
        assertThat(example.at("/headers/ce_type").asString()).isEqualTo(type.ceType());
        assertThat(example.at("/headers/ce_subject").asString()).isEqualTo(event.subject());
    }

    @Test
    void eachTopicChannelCarriesExactlyItsEvents() {
        for (String topic : Topics.ALL) {
            assertThat(channelWithAddress(topic).path("messages").propertyNames())
                    .as(topic)
                    .containsExactlyInAnyOrderElementsOf(EventType.onTopic(topic).stream().map(EventType::eventName).toList());
            assertThat(channelWithAddress(topic).at("/bindings/kafka/topic").asString()).isEqualTo(topic);
        }
    }

    @Test
    void eachTopicHasADeadLetterChannel() {
        for (String topic : Topics.ALL) {
            JsonNode channel = channelWithAddress(Topics.deadLetter(topic));
            assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo(topic + "-dlt");
            assertThat(channel.path("messages").isEmpty()).as("messages of %s-dlt", topic).isFalse();
        }
    }

    @Test
    void everyChannelHasASendOperationForItsMessages() {
        Map<String, JsonNode> channels = DOC.path("channels").propertyStream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(channels).hasSize(2 * Topics.ALL.size());

        channels.forEach((key, channel) -> {
            List<JsonNode> sends = DOC.path("operations").valueStream()
                    .filter(op -> op.at("/channel/$ref").asString().equals("#/channels/" + key))
                    .toList();
            assertThat(sends).as("send operations of channel %s", key).singleElement()
                    .satisfies(op -> {
                        assertThat(op.path("action").asString()).isEqualTo("send");
                        assertThat(op.path("messages").valueStream().map(ref -> ref.path("$ref").asString()))
                                .containsExactlyInAnyOrderElementsOf(channel.path("messages").propertyNames().stream()
                                        .map(name -> "#/channels/" + key + "/messages/" + name).toList());
                    });
        });
    }

    @Test
    void cloudEventHeadersAreAllRequired() {
        JsonNode headers = DOC.at("/components/schemas/CloudEventHeaders");

        assertThat(headers.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(CLOUD_EVENT_HEADERS);
        assertThat(headers.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(CLOUD_EVENT_HEADERS);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (ref.startsWith("#")) {
                assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                String file = Path.of(LOCATION).resolveSibling(ref).normalize().toString().replace('\\', '/');
                assertThat(Contracts.exists(file)).as(ref).isTrue();
            }
        });
    }

    private static JsonNode channelWithAddress(String address) {
        List<JsonNode> matching = DOC.path("channels").valueStream()
                .filter(channel -> channel.path("address").asString().equals(address))
                .toList();
        assertThat(matching).as("channels with address %s", address).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? DOC.at(node.get("$ref").asString().substring(1)) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asString());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
