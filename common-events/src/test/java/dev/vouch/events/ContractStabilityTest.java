package dev.vouch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Payloads already on the topics must keep decoding. {@code golden-archive/} holds examples as earlier
 * versions published them; never edit them. Retiring a type means deleting its archived example on purpose.
 */
class ContractStabilityTest {

    static List<String> archivedExamples() {
        return Contracts.fileNames(Contracts.GOLDEN_ARCHIVE);
    }

    @Test
    void theArchiveCoversEveryEventType() {
        assertThat(archivedExamples())
                .containsAll(Arrays.stream(EventType.values())
                        .map(type -> Contracts.versionedName(type) + ".json")
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("archivedExamples")
    void archivedExampleStillDecodes(String fileName) {
        String ceType = "dev.vouch." + fileName.substring(0, fileName.length() - ".json".length());
        EventType type = EventType.fromCeType(ceType).orElse(null);
        assertThat(type).as("event type of archived example %s", fileName).isNotNull();
        byte[] json = Contracts.bytes(Contracts.GOLDEN_ARCHIVE + "/" + fileName);
        JsonNode archived = Contracts.JSON.readTree(json);

        VouchEvent event = assertDoesNotThrow(() -> EventCodec.decode(type, json));

        assertThat(event.subject()).as("subject (aggregate id)").isNotBlank();
        for (RecordComponent component : type.recordClass().getRecordComponents()) {
            if (archived.has(component.getName())) {
                assertThat(valueOf(component, event)).as("%s.%s", fileName, component.getName()).isNotNull();
            }
        }
        JsonNode reencoded = Contracts.JSON.readTree(EventCodec.encode(event));
        for (Map.Entry<String, JsonNode> field : archived.properties()) {
            assertThat(reencoded.get(field.getKey()))
                    .as("%s.%s survives decoding", fileName, field.getKey())
                    .isEqualTo(field.getValue());
        }
    }

    @Test
    void unknownFieldsAndUnknownEnumValuesStillDecode() {
        String newer = """
                {
                  "mentorId": "8f14e45f-ceea-4e6b-9c3a-2f1d7b5a9e01",
                  "name": "Dr. Ana Rivera",
                  "relationship": "CHIEF_RESIDENT",
                  "source": "PODCAST",
                  "stayInTouchDays": 90,
                  "pronouns": "she/her",
                  "linkedProfiles": [{"site": "doximity", "handle": "arivera"}]
                }
                """;

        VouchEvent event = EventCodec.decode(EventType.MENTOR_ADDED, newer.getBytes(StandardCharsets.UTF_8));

        assertThat(event).isEqualTo(new MentorAdded("8f14e45f-ceea-4e6b-9c3a-2f1d7b5a9e01", "Dr. Ana Rivera",
                null, null, null, MentorRelationship.OTHER, MentorSource.OTHER, 90));
    }

    @Test
    void unknownContactTypeAndPurposeReadAsOther() {
        ContactLogged contact = (ContactLogged) EventCodec.decode(EventType.CONTACT_LOGGED, """
                {"mentorId": "m-1", "contactId": "c-1", "type": "TEXT_MESSAGE",
                 "occurredAt": "2026-11-18T15:30:00Z", "channel": "sms"}
                """.getBytes(StandardCharsets.UTF_8));
        LetterRequested letter = (LetterRequested) EventCodec.decode(EventType.LETTER_REQUESTED, """
                {"letterId": "l-1", "mentorId": "m-1", "purpose": "SUB_INTERNSHIP", "targets": [],
                 "deadline": "2027-01-15T17:00:00Z", "materials": ["CV"], "portal": "ERAS"}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(contact.type()).isEqualTo(ContactType.OTHER);
        assertThat(letter.purpose()).isEqualTo(LetterPurpose.OTHER);
        assertThat(letter.materials()).isEqualTo(Set.of(Material.CV));
    }

    private static Object valueOf(RecordComponent component, VouchEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
