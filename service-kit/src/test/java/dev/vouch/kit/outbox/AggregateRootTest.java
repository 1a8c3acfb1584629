package dev.vouch.kit.outbox;

import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorUpdated;
import dev.vouch.events.VouchEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateRootTest {

    static final Instant NOW = Instant.parse("2027-01-04T09:00:00.123Z");

    /** A change of two events, read at version 4. */
    static final class Sample extends AggregateRoot {

        final List<Instant> told = new ArrayList<>();

        Sample() {
            super("m1", "med-school", "student-1");
            registerEvent(new MentorUpdated("m1", List.of("name"), "Dr. Lee", null, null, null, null, 90));
            registerEvent(new MentorArchived("m1"));
        }

        @Override
        protected void recorded(VouchEvent event, PendingEvent stamped) {
            told.add(stamped.time());
        }
    }

    @Test
    void eachEventIsStampedWithTheVersionItBringsTheSourceAndTheTimeAndTheAggregateIsTold() {
        Sample sample = new Sample();
        EventFactory events = new EventFactory("mentor-service", Clock.fixed(NOW, ZoneOffset.UTC));

        List<PendingEvent> stamped = sample.stampRegisteredEvents(events, 4);

        assertThat(stamped).extracting(PendingEvent::sequence).containsExactly(5L, 6L);
        assertThat(stamped).extracting(PendingEvent::type)
                .containsExactly("dev.vouch.MentorUpdated.v1", "dev.vouch.MentorArchived.v1");
        assertThat(stamped).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("/vouch/mentor-service");
            assertThat(event.time()).isEqualTo(NOW);
            assertThat(event.tenant()).isEqualTo("med-school");
            assertThat(event.studentId()).isEqualTo("student-1");
            assertThat(event.subject()).isEqualTo("m1");
        });
        assertThat(stamped.get(0).eventId()).isNotEqualTo(stamped.get(1).eventId());
        assertThat(sample.told).containsExactly(NOW, NOW);
        assertThat(sample.registeredEvents()).as("handed over once").isEmpty();
    }
}
