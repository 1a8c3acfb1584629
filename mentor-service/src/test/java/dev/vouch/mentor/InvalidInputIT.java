package dev.vouch.mentor;

import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every invalid input answers 400 as problem+json naming the field, and stores nothing. */
@VouchServiceTest
class InvalidInputIT {

    enum Call { ADD_MENTOR, PATCH_MENTOR, LOG_CONTACT, LIST_MENTORS, LIST_CONTACTS }

    static final String LONG_NAME = "x".repeat(201);
    static final String LONG_NOTES = "n".repeat(4001);
    /** Replaced by the test clock's time, two days ahead. */
    static final String DAYS_AHEAD = "${twoDaysAhead}";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(Call.ADD_MENTOR, "{\"title\":\"No name\"}", "name"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"   \"}", "name"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"" + LONG_NAME + "\"}", "name"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"email\":\"not-an-email\"}", "email"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"title\":\"" + LONG_NAME + "\"}", "title"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"specialty\":\"" + LONG_NAME + "\"}", "specialty"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"organization\":\"" + LONG_NAME + "\"}", "organization"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"relationship\":\"BFF\"}", "relationship"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"source\":\"TELEPATHY\"}", "source"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"stayInTouchDays\":6}", "stayInTouchDays"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"stayInTouchDays\":366}", "stayInTouchDays"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"stayInTouchDays\":\"often\"}", "stayInTouchDays"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"notes\":\"" + LONG_NOTES + "\"}", "notes"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"ratings\":{\"firstHandKnowledge\":0}}", "ratings.firstHandKnowledge"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"ratings\":{\"standing\":6}}", "ratings.standing"),
                Arguments.of(Call.ADD_MENTOR, "{\"name\":\"Dr. X\",\"ratings\":{\"willingToSupport\":\"very\"}}", "ratings.willingToSupport"),
                Arguments.of(Call.PATCH_MENTOR, "{\"name\":null}", "name"),
                Arguments.of(Call.PATCH_MENTOR, "{\"name\":\"" + LONG_NAME + "\"}", "name"),
                Arguments.of(Call.PATCH_MENTOR, "{\"email\":\"nope\"}", "email"),
                Arguments.of(Call.PATCH_MENTOR, "{\"stayInTouchDays\":400}", "stayInTouchDays"),
                Arguments.of(Call.PATCH_MENTOR, "{\"relationship\":\"BFF\"}", "relationship"),
                Arguments.of(Call.PATCH_MENTOR, "{\"ratings\":{\"relatableVoice\":9}}", "ratings.relatableVoice"),
                Arguments.of(Call.PATCH_MENTOR, "{\"notes\":\"" + LONG_NOTES + "\"}", "notes"),
                Arguments.of(Call.PATCH_MENTOR, "{\"status\":\"ARCHIVED\"}", "status"),
                Arguments.of(Call.LOG_CONTACT, "{\"occurredAt\":\"2026-11-01T10:00:00Z\"}", "type"),
                Arguments.of(Call.LOG_CONTACT, "{\"type\":\"CARRIER_PIGEON\",\"occurredAt\":\"2026-11-01T10:00:00Z\"}", "type"),
                Arguments.of(Call.LOG_CONTACT, "{\"type\":\"CALL\"}", "occurredAt"),
                Arguments.of(Call.LOG_CONTACT, "{\"type\":\"CALL\",\"occurredAt\":\"yesterday\"}", "occurredAt"),
                Arguments.of(Call.LOG_CONTACT, "{\"type\":\"CALL\",\"occurredAt\":\"" + DAYS_AHEAD + "\"}", "occurredAt"),
                Arguments.of(Call.LOG_CONTACT, "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-01T10:00:00Z\",\"notes\":\""
                        + LONG_NOTES + "\"}", "notes"),
                Arguments.of(Call.LIST_MENTORS, "size=101", "size"),
                Arguments.of(Call.LIST_MENTORS, "size=0", "size"),
                Arguments.of(Call.LIST_MENTORS, "page=-1", "page"),
                Arguments.of(Call.LIST_MENTORS, "status=GONE", "status"),
                Arguments.of(Call.LIST_MENTORS, "q=" + "q".repeat(201), "q"),
                Arguments.of(Call.LIST_CONTACTS, "size=500", "size"));
    }

    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("invalidInputs")
    void answers400NamingTheFieldAndStoresNothing(Call call, String input, String field) {
        Student student = Student.of(port);
        String mentorId = call == Call.ADD_MENTOR || call == Call.LIST_MENTORS ? null : student.addMentorNamed("Dr. Valid");
        String body = input.replace(DAYS_AHEAD, clock.instant().plus(Duration.ofDays(2)).toString());

        ApiClient.Response response = switch (call) {
            case ADD_MENTOR -> student.api().post("/api/v1/mentors", body);
            case PATCH_MENTOR -> student.api().withHeader("If-Match", "\"1\"").patch("/api/v1/mentors/" + mentorId, body);
            case LOG_CONTACT -> student.logContact(mentorId, body);
            case LIST_MENTORS -> student.api().get("/api/v1/mentors?" + body);
            case LIST_CONTACTS -> student.api().get("/api/v1/mentors/" + mentorId + "/contacts?" + body);
        };

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(field);
        long stored = mongo.count(Query.query(Criteria.where("studentId").is(student.id())), Mentor.class);
        if (mentorId == null) {
            assertThat(stored).isZero();
        } else {
            assertThat(stored).isEqualTo(1);
            JsonNode mentor = student.mentor(mentorId);
            assertThat(mentor.get("version").asInt()).isEqualTo(1);
            assertThat(mentor.get("name").asString()).isEqualTo("Dr. Valid");
            assertThat(mentor.get("contactCount").asInt()).isZero();
            assertThat(student.api().get("/api/v1/mentors/" + mentorId + "/contacts").json().get("total").asInt()).isZero();
        }
    }
}
