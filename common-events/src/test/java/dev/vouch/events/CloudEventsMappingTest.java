package dev.vouch.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Envelope to CloudEvent (binary-mode attributes and extensions) and back. */
class CloudEventsMappingTest {

    private static final URI SOURCE = URI.create("/vouch/request-service");
    private static final Instant TIME = Instant.parse("2026-12-01T14:05:00.123Z");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeSurvivesTheCloudEventMapping(EventType type) {
        EventEnvelope<VouchEvent> envelope = envelope(type);

        CloudEvent cloudEvent = CloudEvents.toCloudEvent(envelope);

        assertThat(CloudEvents.fromCloudEvent(cloudEvent)).isEqualTo(envelope);
    }

    @Test
    void attributesAndExtensionsAreSet() {
        EventEnvelope<VouchEvent> envelope = envelope(EventType.LETTER_REQUESTED);

        CloudEvent cloudEvent = CloudEvents.toCloudEvent(envelope);

        assertThat(cloudEvent.getId()).isEqualTo(envelope.id());
        assertThat(cloudEvent.getType()).isEqualTo("dev.vouch.LetterRequested.v1");
        assertThat(cloudEvent.getSource()).isEqualTo(SOURCE);
        assertThat(cloudEvent.getTime()).isEqualTo(OffsetDateTime.of(2026, 12, 1, 14, 5, 0, 123_000_000, ZoneOffset.UTC));
        assertThat(cloudEvent.getSubject()).isEqualTo("c9f0f895-fb98-4b91-8a6e-7d3c2b1a0f52");
        assertThat(cloudEvent.getDataContentType()).isEqualTo("application/json");
        assertThat(cloudEvent.getExtension(CloudEvents.TENANT)).isEqualTo("lakeside-som");
        assertThat(cloudEvent.getExtension(CloudEvents.STUDENT_ID)).isEqualTo("stu-20931");
        assertThat(cloudEvent.getExtension(CloudEvents.SEQUENCE)).isEqualTo("3");
        assertThat(envelope.key()).isEqualTo("stu-20931");
        assertThat(envelope.topic()).isEqualTo(Topics.LETTERS);
    }

    @Test
    void unknownTypeIsRejected() {
        CloudEvent unknown = CloudEventBuilder.v1(CloudEvents.toCloudEvent(envelope(EventType.MENTOR_ADDED)))
                .withType("dev.vouch.MentorPromoted.v1")
                .build();

        assertThatThrownBy(() -> CloudEvents.fromCloudEvent(unknown))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("dev.vouch.MentorPromoted.v1");
    }

    @Test
    void aNewerMajorVersionIsAnUnknownType() {
        CloudEvent v2 = CloudEventBuilder.v1(CloudEvents.toCloudEvent(envelope(EventType.MENTOR_ADDED)))
                .withType("dev.vouch.MentorAdded.v2")
                .build();

        assertThatThrownBy(() -> CloudEvents.fromCloudEvent(v2)).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void missingTenantIsRejected() {
        CloudEvent noTenant = CloudEventBuilder.v1(CloudEvents.toCloudEvent(envelope(EventType.MENTOR_ADDED)))
                .withoutExtension(CloudEvents.TENANT)
                .build();

        assertThatThrownBy(() -> CloudEvents.fromCloudEvent(noTenant))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("tenant");
    }

    @Test
    void missingStudentIdIsRejected() {
        CloudEvent noStudent = CloudEventBuilder.v1(CloudEvents.toCloudEvent(envelope(EventType.MENTOR_ADDED)))
                .withoutExtension(CloudEvents.STUDENT_ID)
                .build();

        assertThatThrownBy(() -> CloudEvents.fromCloudEvent(noStudent))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("studentid");
    }

    @Test
    void payloadThatIsNotJsonIsRejected() {
        CloudEvent garbage = CloudEventBuilder.v1(CloudEvents.toCloudEvent(envelope(EventType.MENTOR_ADDED)))
                .withData("application/json", "not json".getBytes())
                .build();

        assertThatThrownBy(() -> CloudEvents.fromCloudEvent(garbage)).isInstanceOf(EventDecodingException.class);
    }

    private static EventEnvelope<VouchEvent> envelope(EventType type) {
        VouchEvent payload = EventCodec.decode(type, Contracts.bytes(Contracts.goldenPath(type)));
        return EventEnvelope.of(payload, SOURCE, TIME, "lakeside-som", "stu-20931", 3);
    }
}
