package dev.vouch.request.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorUpdated;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import dev.vouch.testsupport.VouchServiceTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory follows vouch.mentors as mentor-service publishes it, including redeliveries and late events. */
@VouchServiceTest
class MentorDirectoryIT {

    static final String TENANT = "med-school";

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MentorDirectory directory;
    @Autowired
    Environment environment;

    final String student = "student-" + UUID.randomUUID();
    final String mentorId = UUID.randomUUID().toString();
    MentorFeed mentors;

    @BeforeEach
    void feed() {
        mentors = new MentorFeed(kafka, events, directory, environment);
    }

    @Test
    void followsAMentorFromAddedThroughUpdatedToArchived() {
        mentors.publish(mentors.added(TENANT, student, mentorId, 1));
        KnownMentor added = mentors.awaitEntry(mentorId, entry -> true);
        assertThat(added.getTenant()).isEqualTo(TENANT);
        assertThat(added.getStudentId()).isEqualTo(student);
        assertThat(added.getName()).isEqualTo("Dr. Ana Rivera");
        assertThat(added.getStatus()).isEqualTo(MentorStatus.ACTIVE);
        assertThat(added.getSequence()).isEqualTo(1);

        mentors.publish(mentors.envelope(renamed("Dr. Ana Rivera-Lopez"), TENANT, student, 2));
        assertThat(mentors.awaitEntry(mentorId, entry -> entry.getSequence() == 2).getName()).isEqualTo("Dr. Ana Rivera-Lopez");

        mentors.publish(mentors.envelope(new MentorArchived(mentorId), TENANT, student, 3));
        KnownMentor archived = mentors.awaitEntry(mentorId, KnownMentor::isArchived);
        assertThat(archived.getSequence()).isEqualTo(3);
        assertThat(archived.getName()).isEqualTo("Dr. Ana Rivera-Lopez");
    }

    @Test
    void aRedeliveredOrLateEventNeverMovesAnEntryBackwards() {
        EventEnvelope<MentorAdded> added = mentors.added(TENANT, student, mentorId, 1);
        EventEnvelope<MentorUpdated> update = mentors.envelope(renamed("Dr. A. Rivera"), TENANT, student, 2);
        mentors.publish(added);
        mentors.publish(update);
        mentors.publish(mentors.envelope(new MentorArchived(mentorId), TENANT, student, 3));
        mentors.awaitEntry(mentorId, KnownMentor::isArchived);

        // The relay re-sends MentorAdded after a crash; a replay delivers the older update once more;
        // a contact changes nothing here.
        mentors.publish(added);
        mentors.publish(mentors.envelope(renamed("Dr. Stale Name"), TENANT, student, 2));
        RecordMetadata last = mentors.publish(mentors.envelope(
                new ContactLogged(mentorId, "contact-1", ContactType.MEETING, Instant.parse("2026-11-20T15:00:00Z")),
                TENANT, student, 4));
        mentors.awaitConsumed(last);

        KnownMentor entry = directory.find(mentorId).orElseThrow();
        assertThat(entry.getStatus()).isEqualTo(MentorStatus.ARCHIVED);
        assertThat(entry.getSequence()).isEqualTo(3);
        assertThat(entry.getName()).isEqualTo("Dr. A. Rivera");
    }

    @Test
    void archivingIsFinalWhateverTheOrderTheEventsArriveIn() {
        // Replayed out of order: the archive first, then the mentor's creation and a later update.
        mentors.publish(mentors.envelope(new MentorArchived(mentorId), TENANT, student, 3));
        mentors.awaitEntry(mentorId, KnownMentor::isArchived);
        mentors.publish(mentors.added(TENANT, student, mentorId, 1));
        RecordMetadata last = mentors.publish(mentors.envelope(renamed("Dr. Ana Rivera-Lopez"), TENANT, student, 4));
        mentors.awaitConsumed(last);

        KnownMentor entry = directory.find(mentorId).orElseThrow();
        assertThat(entry.isArchived()).isTrue();
        assertThat(entry.belongsTo(TENANT, student)).isTrue();
        assertThat(entry.getSequence()).isEqualTo(4);
        assertThat(entry.getName()).isEqualTo("Dr. Ana Rivera-Lopez");
    }

    private MentorUpdated renamed(String name) {
        return new MentorUpdated(mentorId, List.of("name"), name, null, null, null, MentorRelationship.FACULTY, 90);
    }
}
