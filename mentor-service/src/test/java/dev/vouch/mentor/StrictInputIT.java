package dev.vouch.mentor;

import dev.vouch.mentor.contact.Contact;
import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.HostileBodies;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body of the mentor API is read strictly: unknown fields (tenant, student and roles among them, and
 * inside ratings), wrong JSON types, duplicate keys, lone surrogates and control characters answer 400 naming
 * the field, and nothing is stored.
 */
@VouchServiceTest
class StrictInputIT {

    enum Body {
        ADD_MENTOR(HostileBodies.from(Map.of("name", "\"Dr. Valid\"", "stayInTouchDays", "30",
                "ratings", "{\"standing\":4}", "notes", "\"Met at SNMA\"")).text("name").number("stayInTouchDays")
                .nested("ratings")),
        PATCH_MENTOR(HostileBodies.from(Map.of("name", "\"Dr. Renamed\"", "stayInTouchDays", "30",
                "ratings", "{\"standing\":4}")).text("name").number("stayInTouchDays").nested("ratings")),
        LOG_CONTACT(HostileBodies.from(Map.of("type", "\"CALL\"", "occurredAt", "\"2026-11-01T10:00:00Z\"",
                "notes", "\"Talked about the residency\"")).text("notes"));

        final HostileBodies bodies;

        Body(HostileBodies bodies) {
            this.bodies = bodies;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    static Stream<Arguments> refused() {
        Stream<Arguments> generated = Stream.of(Body.values())
                .flatMap(body -> body.bodies.cases().stream().map(c -> Arguments.of(body, c)));
        Stream<Arguments> specific = Stream.of(
                Arguments.of(Body.ADD_MENTOR, new HostileBodies.Case("the issue's number for a name", "{\"name\": 12}", "name")),
                Arguments.of(Body.ADD_MENTOR, new HostileBodies.Case("the issue's lone surrogate",
                        "{\"name\": \"\\ud800\"}", "name")),
                Arguments.of(Body.ADD_MENTOR, new HostileBodies.Case("a line break in a single-line field",
                        "{\"name\": \"Dr.\\nValid\"}", "name")),
                Arguments.of(Body.ADD_MENTOR, new HostileBodies.Case("a number for an enum",
                        "{\"name\": \"Dr. Valid\", \"relationship\": 1}", "relationship")),
                Arguments.of(Body.ADD_MENTOR, new HostileBodies.Case("an unknown field in ratings",
                        "{\"name\": \"Dr. Valid\", \"ratings\": {\"knowsWork\": 5}}", "ratings.knowsWork")),
                Arguments.of(Body.LOG_CONTACT, new HostileBodies.Case("a number for an instant",
                        "{\"type\":\"CALL\",\"occurredAt\":1700000000}", "occurredAt")),
                Arguments.of(Body.LOG_CONTACT, new HostileBodies.Case("a bell in free text",
                        "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"notes\":\"a\\u0007b\"}", "notes")));
        return Stream.concat(generated, specific);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void answers400NamingTheFieldAndStoresNothing(Body call, HostileBodies.Case input) {
        Student student = Student.of(port);
        String mentorId = call == Body.ADD_MENTOR ? null : student.addMentorNamed("Dr. Valid");
        long mentorsBefore = mentors(student);
        long contactsBefore = contacts(student);

        ApiClient.Response response = send(student, call, mentorId, input.body());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://vouch.dev/problems/validation");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(input.field());
        assertThat(mentors(student)).isEqualTo(mentorsBefore);
        assertThat(contacts(student)).isEqualTo(contactsBefore);
        if (mentorId != null) {
            JsonNode mentor = student.mentor(mentorId);
            assertThat(mentor.get("version").asInt()).isEqualTo(1);
            assertThat(mentor.get("name").asString()).isEqualTo("Dr. Valid");
        }
    }

    /** The control: the valid body each hostile one was made from is accepted. */
    @ParameterizedTest
    @EnumSource(Body.class)
    void theValidBodyIsAccepted(Body call) {
        Student student = Student.of(port);
        String mentorId = call == Body.ADD_MENTOR ? null : student.addMentorNamed("Dr. Valid");
        ApiClient.Response response = send(student, call, mentorId, call.bodies.valid());
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    @Test
    void freeTextKeepsTabsAndLineBreaks() {
        Student student = Student.of(port);
        String notes = "Met at SNMA.\n\tAsk about the research elective.";
        JsonNode mentor = student.addMentor("{\"name\":\"Dr. Valid\",\"notes\":\"Met at SNMA.\\n\\tAsk about the research elective.\"}");
        assertThat(mentor.get("notes").asString()).isEqualTo(notes);
    }

    private static ApiClient.Response send(Student student, Body call, String mentorId, String body) {
        return switch (call) {
            case ADD_MENTOR -> student.api().post("/api/v1/mentors", body);
            case PATCH_MENTOR -> student.api().withHeader("If-Match", "\"1\"").patch("/api/v1/mentors/" + mentorId, body);
            case LOG_CONTACT -> student.logContact(mentorId, body);
        };
    }

    private long mentors(Student student) {
        return mongo.count(Query.query(Criteria.where("studentId").is(student.id())), Mentor.class);
    }

    private long contacts(Student student) {
        return mongo.count(Query.query(Criteria.where("studentId").is(student.id())), Contact.class);
    }
}
