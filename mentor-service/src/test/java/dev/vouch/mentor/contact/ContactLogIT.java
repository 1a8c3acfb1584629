package dev.vouch.mentor.contact;

import dev.vouch.events.ContactLogged;
import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.mentor.Student;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.VouchServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@VouchServiceTest
class ContactLogIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry registry;

    final EventProbe probe = new EventProbe(Topics.MENTORS);

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    String contact(ContactType type, Instant occurredAt, String notes) {
        return "{\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt + "\""
                + (notes == null ? "" : ",\"notes\":\"" + notes + "\"") + "}";
    }

    @Test
    void aContactIsLoggedCountedOnTheMentorAndPublishedAsContactLogged() {
        Student student = Student.of(port);
        String mentorId = student.addMentorNamed("Dr. Ana Rivera");
        Instant lastWeek = clock.instant().minus(Duration.ofDays(7));
        double before = loggedMetric("MEETING");

        ApiClient.Response logged = student.logContact(mentorId, contact(ContactType.MEETING, lastWeek, "Coffee after clinic"));

        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        String contactId = logged.json().get("id").asString();
        assertThat(logged.header("Location")).endsWith("/api/v1/mentors/" + mentorId + "/contacts/" + contactId);
        assertThat(logged.json().get("notes").asString()).isEqualTo("Coffee after clinic");
        JsonNode mentor = student.mentor(mentorId);
        assertThat(mentor.get("contactCount").asInt()).isEqualTo(1);
        assertThat(Instant.parse(mentor.get("lastContactAt").asString())).isEqualTo(lastWeek);
        assertThat(mentor.get("version").asInt()).isEqualTo(2);
        assertThat(student.api().get("/api/v1/mentors/" + mentorId + "/contacts/" + contactId).json().get("type")
                .asString()).isEqualTo("MEETING");

        ConsumerRecord<String, byte[]> record = probe.await(EventProbe.keyed(student.id()), 2).get(1);
        assertThat(EventProbe.header(record, "ce_type")).isEqualTo("dev.vouch.ContactLogged.v1");
        assertThat(EventProbe.header(record, "ce_subject")).isEqualTo(mentorId);
        assertThat(EventProbe.header(record, "ce_sequence")).isEqualTo("2");
        assertThat(record.key()).isEqualTo(student.id());
        EventEnvelope<VouchEvent> event = EventProbe.decode(record);
        assertThat(event.payload()).isEqualTo(new ContactLogged(mentorId, contactId, ContactType.MEETING, lastWeek));
        assertThat(loggedMetric("MEETING")).isEqualTo(before + 1);
    }

    @Test
    void postingTheSameContactAgainFindsItInsteadOfCountingItTwice() {
        Student student = Student.of(port);
        String mentorId = student.addMentorNamed("Dr. Retry");
        String body = contact(ContactType.EMAIL, clock.instant().minus(Duration.ofDays(1)), "Sent my CV");

        ApiClient.Response first = student.logContact(mentorId, body);
        ApiClient.Response again = student.logContact(mentorId, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(student.mentor(mentorId).get("contactCount").asInt()).isEqualTo(1);
        assertThat(student.api().get("/api/v1/mentors/" + mentorId + "/contacts").json().get("total").asInt()).isEqualTo(1);
        probe.await(EventProbe.keyed(student.id()), 2);
        assertThat(probe.upToEnd(EventProbe.keyed(student.id()))).hasSize(2);
    }

    @Test
    void theLogListsNewestFirstInPagesAndAnOlderContactLoggedLaterKeepsTheLastContact() {
        Student student = Student.of(port);
        String mentorId = student.addMentorNamed("Dr. Often");
        Instant now = clock.instant();
        student.logContact(mentorId, contact(ContactType.CALL, now.minus(Duration.ofDays(3)), null));
        student.logContact(mentorId, contact(ContactType.THANK_YOU, now.minus(Duration.ofDays(1)), null));
        student.logContact(mentorId, contact(ContactType.EVENT, now.minus(Duration.ofDays(30)), "AMSA conference"));

        JsonNode first = student.api().get("/api/v1/mentors/" + mentorId + "/contacts?size=2").json();
        JsonNode second = student.api().get("/api/v1/mentors/" + mentorId + "/contacts?size=2&page=1").json();

        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(types(first)).containsExactly("THANK_YOU", "CALL");
        assertThat(types(second)).containsExactly("EVENT");
        JsonNode mentor = student.mentor(mentorId);
        assertThat(mentor.get("contactCount").asInt()).isEqualTo(3);
        assertThat(Instant.parse(mentor.get("lastContactAt").asString())).isEqualTo(now.minus(Duration.ofDays(1)));
    }

    @Test
    void aContactWhoseHistoryCopyWasNeverWrittenIsFiledFromTheMentorOnTheNextRead() {
        Student student = Student.of(port);
        String mentorId = student.addMentorNamed("Dr. Crash");
        String contactId = student.logContact(mentorId, contact(ContactType.ADVICE, clock.instant(), null))
                .json().get("id").asString();
        // As if the process had died between the mentor's write and the history's.
        mongo.remove(Query.query(Criteria.where("_id").is(contactId)), Contact.class);

        JsonNode log = student.api().get("/api/v1/mentors/" + mentorId + "/contacts").json();

        assertThat(log.get("total").asInt()).isEqualTo(1);
        assertThat(log.get("items").get(0).get("id").asString()).isEqualTo(contactId);
        assertThat(student.mentor(mentorId).get("contactCount").asInt()).isEqualTo(1);
    }

    @Test
    void anArchivedMentorTakesNoContacts() {
        Student student = Student.of(port);
        String mentorId = student.addMentorNamed("Dr. Archived");
        student.api().delete("/api/v1/mentors/" + mentorId);

        ApiClient.Response refused = student.logContact(mentorId, contact(ContactType.CALL, clock.instant(), null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("currentStatus").asString()).isEqualTo("ARCHIVED");
        assertThat(student.mentor(mentorId).get("contactCount").asInt()).isZero();
        assertThat(student.api().get("/api/v1/mentors/" + mentorId + "/contacts").json().get("total").asInt()).isZero();
    }

    @Test
    void aContactOfAnUnknownMentorIs404() {
        Student student = Student.of(port);

        assertThat(student.logContact("no-such-mentor", contact(ContactType.CALL, clock.instant(), null)).status())
                .isEqualTo(404);
        assertThat(student.api().get("/api/v1/mentors/no-such-mentor/contacts").status()).isEqualTo(404);
    }

    private double loggedMetric(String type) {
        var counter = registry.find(ContactLog.LOGGED_METRIC).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> types(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("type").asString()).toList();
    }
}
