package dev.vouch.benchmark;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorSource;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A school's event stream as mentor-service and request-service publish it. Per student: 3 mentors, a contact
 * with each (10, 50 and 90 days ago), 4 letters asked 20 to 50 days ahead, materials shared for one, one accepted,
 * one submitted: 13 events.
 */
final class SchoolStream {

    static final int EVENTS_PER_STUDENT = 13;

    private final EventFactory mentorService;
    private final EventFactory requestService;
    private final Instant now;

    SchoolStream(Clock clock) {
        this.mentorService = new EventFactory("mentor-service", clock);
        this.requestService = new EventFactory("request-service", clock);
        this.now = clock.instant();
    }

    List<EventEnvelope<VouchEvent>> student(String tenant, String student) {
        List<EventEnvelope<VouchEvent>> events = new ArrayList<>(EVENTS_PER_STUDENT);
        List<String> mentors = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            String mentor = student + "-mentor-" + m;
            mentors.add(mentor);
            events.add(envelope(new MentorAdded(mentor, "Dr. Mentor " + m, "Associate Program Director",
                    "Internal Medicine", "Lakeside University Hospital", MentorRelationship.FACULTY,
                    MentorSource.CURRENT_NETWORK, 90), tenant, student, 1));
            events.add(envelope(new ContactLogged(mentor, UUID.randomUUID().toString(), ContactType.MEETING,
                    now.minus(days(10 + m * 40))), tenant, student, 2));
        }
        for (int l = 0; l < 4; l++) {
            String letter = student + "-letter-" + l;
            String mentor = mentors.get(l % mentors.size());
            Instant deadline = now.plus(days(20 + 10L * l));
            Instant asked = now.minus(Duration.ofHours(1));
            events.add(envelope(new LetterRequested(letter, mentor, LetterPurpose.RESIDENCY, List.of("Lakeside IM Residency"),
                    deadline, true, l % 2 == 0 ? Set.of() : Set.of(Material.CV), false,
                    Duration.between(asked, deadline).toDays() < 30, asked), tenant, student, 1));
            if (l == 1) {
                events.add(envelope(new LetterMaterialsShared(letter, mentor, Set.of(Material.CV, Material.PERSONAL_STATEMENT)),
                        tenant, student, 2));
            } else if (l == 2) {
                events.add(envelope(new LetterAccepted(letter, mentor), tenant, student, 2));
            } else if (l == 3) {
                events.add(envelope(new LetterSubmitted(letter, mentor), tenant, student, 2));
            }
        }
        return events;
    }

    private EventEnvelope<VouchEvent> envelope(VouchEvent event, String tenant, String student, long sequence) {
        EventFactory source = event instanceof LetterEvent ? requestService : mentorService;
        return source.envelope(event, tenant, student, sequence);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
