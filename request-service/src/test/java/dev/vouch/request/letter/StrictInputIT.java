package dev.vouch.request.letter;

import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.HostileBodies;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body of the letters API is read strictly: unknown fields (tenant, student and roles among them, and
 * inside a whole-day deadline), wrong JSON types, duplicate keys, lone surrogates and control characters answer
 * 400 naming the field, and nothing is stored or changed.
 */
@VouchServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT {

    static final String TENANT = "med-school";
    static final String MENTOR = "${mentor}";
    static final String DEADLINE = "${deadline}";
    static final String DAY = "${day}";

    enum Body {
        ASK(HostileBodies.from(Map.of("mentorId", "\"" + MENTOR + "\"", "purpose", "\"RESIDENCY\"",
                "targets", "[\"Lakeside University Hospital\"]", "deadline",
                "{\"date\":\"" + DAY + "\",\"timeZone\":\"America/New_York\"}", "waiverSigned", "true",
                "materials", "[\"CV\"]", "message", "\"Would you write for me?\"")).text("mentorId").nested("deadline")),
        MOVE(HostileBodies.from(Map.of("status", "\"ACCEPTED\"")).text("status")),
        MOVE_DEADLINE(HostileBodies.from(Map.of("deadline", "\"" + DEADLINE + "\"")).text("deadline")),
        MOVE_DEADLINE_TO_A_DAY(HostileBodies.from(Map.of("deadline",
                "{\"date\":\"" + DAY + "\",\"timeZone\":\"America/New_York\"}")).nested("deadline")),
        SHARE_MATERIALS(HostileBodies.from(Map.of("materials", "[\"CV\",\"PERSONAL_STATEMENT\"]")));

        final HostileBodies bodies;

        Body(HostileBodies bodies) {
            this.bodies = bodies;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MentorDirectory directory;
    @Autowired
    Environment environment;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;

    final String student = "student-" + UUID.randomUUID();
    ApiClient api;
    String mentorId;
    String letterId;

    /** One mentor and letter for every refused body (none changes anything); each control asks a new letter. */
    @BeforeAll
    void aStudentWithALetter() {
        api = new ApiClient(port).as(TestTokens.student(TENANT, student));
        mentorId = new MentorFeed(kafka, events, directory, environment).addMentor(TENANT, student);
        letterId = newLetter();
    }

    private String newLetter() {
        ApiClient.Response created = api.post("/api/v1/letters",
                LetterBody.valid(mentorId, clock.instant().plus(Duration.ofDays(40))).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Stream<Arguments> refused() {
        Stream<Arguments> generated = Stream.of(Body.values())
                .flatMap(body -> body.bodies.cases().stream().map(c -> Arguments.of(body, c)));
        Stream<Arguments> specific = Stream.of(
                Arguments.of(Body.ASK, new HostileBodies.Case("text for a boolean", Body.ASK.bodies.valid()
                        .replace("\"waiverSigned\":true", "\"waiverSigned\":\"true\""), "waiverSigned")),
                Arguments.of(Body.ASK, new HostileBodies.Case("a number for a boolean", Body.ASK.bodies.valid()
                        .replace("\"waiverSigned\":true", "\"waiverSigned\":1"), "waiverSigned")),
                Arguments.of(Body.ASK, new HostileBodies.Case("a lone surrogate in a list", Body.ASK.bodies.valid()
                        .replace("[\"Lakeside University Hospital\"]", "[\"\\ud800\"]"), "targets[0]")),
                Arguments.of(Body.ASK, new HostileBodies.Case("a number for the purpose", Body.ASK.bodies.valid()
                        .replace("\"RESIDENCY\"", "0"), "purpose")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("one material for the set",
                        "{\"materials\":\"CV\"}", "materials")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("a number for the set",
                        "{\"materials\":12}", "materials")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("an object for the set",
                        "{\"materials\":{\"CV\":true}}", "materials")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("a material given twice as key",
                        "{\"materials\":[\"CV\"],\"materials\":[]}", "materials")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("unknown field studentId",
                        "{\"materials\":[\"CV\"],\"studentId\":\"someone-else\"}", "studentId")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("unknown field tenant",
                        "{\"materials\":[\"CV\"],\"tenant\":\"other-school\"}", "tenant")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("unknown field roles",
                        "{\"materials\":[\"CV\"],\"roles\":[\"ADVISOR\"]}", "roles")),
                Arguments.of(Body.SHARE_MATERIALS, new HostileBodies.Case("a lone surrogate for a material",
                        "{\"materials\":[\"\\ud800\"]}", "materials[0]")));
        return Stream.concat(generated, specific);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void answers400NamingTheFieldAndStoresNothing(Body call, HostileBodies.Case input) {
        long lettersBefore = letters();
        JsonNode before = letter();

        ApiClient.Response response = send(call, input.body(), letterId);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://vouch.dev/problems/validation");
        assertThat(response.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(response.body()).contains(input.field());
        assertThat(letters()).isEqualTo(lettersBefore);
        assertThat(letter()).isEqualTo(before);
    }

    /** The control: the valid body each hostile one was made from is accepted. */
    @ParameterizedTest
    @EnumSource(Body.class)
    void theValidBodyIsAccepted(Body call) {
        ApiClient.Response response = send(call, call.bodies.valid(), newLetter());
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    private ApiClient.Response send(Body call, String template, String letterId) {
        String body = template.replace(MENTOR, mentorId)
                .replace(DEADLINE, clock.instant().plus(Duration.ofDays(50)).toString())
                .replace(DAY, clock.instant().plus(Duration.ofDays(60)).atZone(ZoneOffset.UTC).toLocalDate().toString());
        ApiClient versioned = api.withHeader("If-Match", "\"1\"");
        return switch (call) {
            case ASK -> api.post("/api/v1/letters", body);
            case MOVE -> versioned.post("/api/v1/letters/" + letterId + "/status", body);
            case MOVE_DEADLINE, MOVE_DEADLINE_TO_A_DAY -> versioned.put("/api/v1/letters/" + letterId + "/deadline", body);
            case SHARE_MATERIALS -> versioned.put("/api/v1/letters/" + letterId + "/materials", body);
        };
    }

    private long letters() {
        return mongo.count(Query.query(Criteria.where("studentId").is(student)), LetterRequest.class);
    }

    private JsonNode letter() {
        return letter(letterId);
    }

    private JsonNode letter(String letterId) {
        ApiClient.Response response = api.get("/api/v1/letters/" + letterId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
