package dev.vouch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden examples: one per event type, each the exact payload JSON a subscriber receives. */
class GoldenExamplesTest {

    @Test
    void everyEventTypeHasAGoldenExample() {
        assertThat(EventType.values())
                .allSatisfy(type -> assertThat(Contracts.exists(Contracts.goldenPath(type)))
                        .as("golden example %s", Contracts.goldenPath(type))
                        .isTrue());
    }

    @Test
    void everyGoldenExampleBelongsToAnEventType() {
        assertThat(Contracts.fileNames(Contracts.GOLDEN))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(type -> Contracts.versionedName(type) + ".json")
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsToTheSameJson(EventType type) {
        byte[] golden = Contracts.bytes(Contracts.goldenPath(type));

        VouchEvent event = EventCodec.decode(type, golden);
        JsonNode encoded = Contracts.JSON.readTree(EventCodec.encode(event));

        assertThat(event).isInstanceOf(type.recordClass());
        assertThat(encoded).isEqualTo(Contracts.JSON.readTree(golden));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void showsEveryField(EventType type) {
        JsonNode golden = Contracts.golden(type);

        assertThat(Arrays.stream(type.recordClass().getRecordComponents()).map(RecordComponent::getName))
                .allSatisfy(name -> assertThat(golden.has(name))
                        .as("%s shows field %s", Contracts.goldenPath(type), name)
                        .isTrue());
    }
}
