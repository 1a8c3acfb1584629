package dev.vouch.request.letter;

import dev.vouch.events.Topics;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import io.micrometer.core.instrument.MeterRegistry;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.vouch.testsupport.EventProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The letters API: asking, reading, listing, validation, scope, and the mentor a letter is asked of. */
@VouchServiceTest
class LetterApiIT {

    static final String TENANT = "med-school";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MentorDirectory directory;
    @Autowired
    MeterRegistry registry;
    @Autowired
    Environment environment;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;

    final String student = "student-" + UUID.randomUUID();
    MentorFeed mentors;
    ApiClient api;

    @BeforeEach
    void aStudent() {
        mentors = new MentorFeed(kafka, events, directory, environment);
        api = new ApiClient(port).as(TestTokens.student(TENANT, student));
    }

    @Test
    void aLetterIsAnsweredWithItsShortNoticeDaysLeftAndVersionAndReadBackWithItsETag() {
        String mentorId = mentors.addMentor(TENANT, student);
        Instant deadline = clock.instant().plus(Duration.ofDays(20)).plus(Duration.ofHours(3));

        ApiClient.Response created = api.post("/api/v1/letters", LetterBody.valid(mentorId, deadline).json());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode letter = created.json();
        String id = letter.get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/letters/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(letter.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(letter.get("shortNotice").asBoolean()).isTrue();
        assertThat(letter.get("daysUntilDeadline").asInt()).isEqualTo(20);
        assertThat(letter.get("version").asInt()).isEqualTo(1);
        assertThat(letter.get("deadline").asString()).isEqualTo(deadline.toString());
        assertThat(letter.get("requestedAt").asString()).isEqualTo(clock.instant().toString());
        assertThat(letter.get("waiverSigned").asBoolean()).isTrue();
        assertThat(letter.get("materials").toString()).isEqualTo("[\"PERSONAL_STATEMENT\",\"CV\"]");

        ApiClient.Response read = api.get("/api/v1/letters/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json()).isEqualTo(letter);
    }

    @Test
    void aDeadlineMayBeAnOffsetDateTimeOrAWholeDayInATimeZone() {
        String mentorId = mentors.addMentor(TENANT, student);
        Instant inForty = clock.instant().plus(Duration.ofDays(40));

        String offset = inForty.atOffset(ZoneOffset.ofHours(-5)).toString();
        ApiClient.Response withOffset = api.post("/api/v1/letters", LetterBody.valid(mentorId, inForty).with("deadline", offset).json());
        assertThat(withOffset.status()).as(withOffset.body()).isEqualTo(201);
        assertThat(withOffset.json().get("deadline").asString()).isEqualTo(inForty.toString());
        assertThat(withOffset.json().get("shortNotice").asBoolean()).isFalse();

        LocalDate day = LocalDate.ofInstant(inForty, ZoneOffset.UTC);
        ApiClient.Response wholeDay = api.post("/api/v1/letters", LetterBody.valid(mentorId, inForty)
                .with("deadline", Map.of("date", day.toString(), "timeZone", "America/New_York")).json());
        assertThat(wholeDay.status()).as(wholeDay.body()).isEqualTo(201);
        assertThat(wholeDay.json().get("deadline").asString())
                .isEqualTo(day.atTime(23, 59, 59).atZone(ZoneId.of("America/New_York")).toInstant().toString());
    }

    static Stream<Arguments> invalidLetters() {
        Instant future = Instant.now().plus(Duration.ofDays(60));
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "Program " + i).toList();
        List<String> tooLong = List.of("x".repeat(201));
        List<Object> nullMaterial = new ArrayList<>();
        nullMaterial.add(null);
        return Stream.of(
                invalid("mentorId", "missing", b -> b.without("mentorId")),
                invalid("mentorId", "blank", b -> b.with("mentorId", "  ")),
                invalid("purpose", "missing", b -> b.without("purpose")),
                invalid("purpose", "not a purpose", b -> b.with("purpose", "ASTRONAUT")),
                invalid("targets", "51 of them", b -> b.with("targets", fiftyOne)),
                invalid("targets[0]", "blank", b -> b.with("targets", List.of(" "))),
                invalid("targets[0]", "201 characters", b -> b.with("targets", tooLong)),
                invalid("waiverSigned", "missing", b -> b.without("waiverSigned")),
                invalid("waiverSigned", "null", b -> b.with("waiverSigned", null)),
                invalid("waiverSigned", "not a boolean", b -> b.with("waiverSigned", "perhaps")),
                invalid("materials[1]", "not a material", b -> b.with("materials", List.of("CV", "LOVE_LETTER"))),
                invalid("materials[0]", "null", b -> b.with("materials", nullMaterial)),
                invalid("message", "4001 characters", b -> b.with("message", "x".repeat(4001))),
                invalid("deadline", "missing", b -> b.without("deadline")),
                invalid("deadline", "null", b -> b.with("deadline", null)),
                invalid("deadline", "in the past", b -> b.with("deadline", "2020-01-15T17:00:00Z")),
                invalid("deadline", "not a date-time", b -> b.with("deadline", "next Friday")),
                invalid("deadline", "without offset or zone", b -> b.with("deadline", "2099-01-15T17:00:00")),
                invalid("deadline", "a number", b -> b.with("deadline", 1_800_000_000)),
                invalid("deadline", "day without zone", b -> b.with("deadline", Map.of("date", "2099-01-15"))),
                invalid("deadline", "unknown zone", b -> b.with("deadline", Map.of("date", "2099-01-15", "timeZone", "Mars/Olympus"))),
                invalid("deadline", "day in the past", b -> b.with("deadline", Map.of("date", "2020-01-15", "timeZone", "UTC"))),
                invalid("planned", "not a boolean", b -> b.with("planned", "soon")))
                .map(arguments -> Arguments.of(arguments.get()[0], arguments.get()[1],
                        ((UnaryOperator<LetterBody>) arguments.get()[2]).apply(LetterBody.valid("mentor-" + UUID.randomUUID(), future))));
    }

    private static Arguments invalid(String field, String what, UnaryOperator<LetterBody> breakIt) {
        return Arguments.of(field, what, breakIt);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidLetters")
    void anInvalidLetterAnswers400NamingTheFieldAndStoresNothing(String field, String what, LetterBody body) {
        ApiClient.Response response = api.post("/api/v1/letters", body.json());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(mongo.count(Query.query(Criteria.where("studentId").is(student)), LetterRequest.class)).isZero();
    }

    @Test
    void aLetterForAMentorWhoseMentorAddedIsStillOnItsWayWaitsForItAndSucceeds() throws Exception {
        String mentorId = UUID.randomUUID().toString();
        String body = LetterBody.valid(mentorId, clock.instant().plus(Duration.ofDays(45))).json();

        // mentor-service answered the student's POST /mentors; its MentorAdded has not reached us yet.
        CompletableFuture<ApiClient.Response> asking = CompletableFuture.supplyAsync(() -> api.post("/api/v1/letters", body));
        await().atMost(Duration.ofSeconds(5)).until(() -> mentorsAwaited() == 1);
        assertThat(asking).isNotDone();

        mentors.publish(mentors.added(TENANT, student, mentorId, 1));

        ApiClient.Response response = asking.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("mentorId").asString()).isEqualTo(mentorId);
        assertThat(mentorsAwaited()).isZero();
    }

    @Test
    void aMentorNobodyHasHeardOfAnswers422AfterTheBoundedWaitAndStoresNothing() {
        EventProbe letters = new EventProbe(Topics.LETTERS);
        try {
            double gaveUpBefore = waits("timed_out");
            ApiClient.Response response = api.post("/api/v1/letters",
                    LetterBody.valid("no-such-mentor-" + UUID.randomUUID(), clock.instant().plus(Duration.ofDays(45))).json());

            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("mentorId");
            assertThat(waits("timed_out")).as("it waited for the mentor and gave up").isEqualTo(gaveUpBefore + 1);
            assertThat(mongo.count(Query.query(Criteria.where("studentId").is(student)), LetterRequest.class)).isZero();
            assertThat(letters.upToEnd(keyed(student))).isEmpty();
        } finally {
            letters.close();
        }
    }

    @Test
    void anotherStudentsMentorIsUnknownToThisStudentAtOnce() {
        String someoneElsesMentor = mentors.addMentor(TENANT, "student-" + UUID.randomUUID());
        String sameIdOtherSchool = mentors.addMentor("other-school", student);

        for (String mentorId : List.of(someoneElsesMentor, sameIdOtherSchool)) {
            long started = System.nanoTime();
            ApiClient.Response response = api.post("/api/v1/letters",
                    LetterBody.valid(mentorId, clock.instant().plus(Duration.ofDays(45))).json());
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("mentorId");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void anArchivedMentorAnswers409() {
        String mentorId = mentors.addMentor(TENANT, student);
        mentors.archive(TENANT, student, mentorId);

        ApiClient.Response response = api.post("/api/v1/letters",
                LetterBody.valid(mentorId, clock.instant().plus(Duration.ofDays(45))).json());

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).endsWith("/mentor-archived");
        assertThat(response.json().get("mentorId").asString()).isEqualTo(mentorId);
        assertThat(mongo.count(Query.query(Criteria.where("studentId").is(student)), LetterRequest.class)).isZero();
    }

    @Test
    void aLetterIsTheStudentsOwnReadableByTheirAdvisorsAndNotFoundForAnyoneElse() {
        String mentorId = mentors.addMentor(TENANT, student);
        String id = api.post("/api/v1/letters", LetterBody.valid(mentorId, clock.instant().plus(Duration.ofDays(45))).json())
                .json().get("id").asString();
        String path = "/api/v1/letters/" + id;
        ApiClient client = new ApiClient(port);

        ApiClient sameIdOtherSchool = client.as(TestTokens.student("other-school", student));
        assertNotFound(sameIdOtherSchool.get(path));
        assertNotFound(sameIdOtherSchool.withHeader("If-Match", "\"1\"").post(path + "/status", "{\"status\":\"CANCELLED\"}"));
        assertNotFound(sameIdOtherSchool.withHeader("If-Match", "\"1\"").put(path + "/materials", "{\"materials\":[]}"));
        assertNotFound(sameIdOtherSchool.withHeader("If-Match", "\"1\"").put(path + "/deadline",
                "{\"deadline\":\"2099-01-15T17:00:00Z\"}"));
        assertThat(sameIdOtherSchool.get("/api/v1/letters").json().get("total").asInt()).isZero();
        assertNotFound(client.as(TestTokens.student(TENANT, "student-" + UUID.randomUUID())).get(path));
        assertNotFound(client.as(TestTokens.advisor("other-school", "advisor-2")).get(path + "?studentId=" + student));

        ApiClient advisor = client.as(TestTokens.advisor(TENANT, "advisor-1"));
        assertThat(advisor.get(path + "?studentId=" + student).status()).isEqualTo(200);
        assertThat(advisor.get("/api/v1/letters?studentId=" + student).json().get("total").asInt()).isEqualTo(1);
        assertThat(advisor.withHeader("If-Match", "\"1\"").post(path + "/status?studentId=" + student,
                "{\"status\":\"CANCELLED\"}").status()).isEqualTo(403);
        assertThat(api.get(path).json().get("status").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void theListIsPagedSortedByDeadlineAndFilteredByStatusDueDateAndMentor() {
        String anna = mentors.addMentor(TENANT, student);
        String ben = mentors.addMentor(TENANT, student);
        Instant now = clock.instant();
        String late = ask(anna, now.plus(Duration.ofDays(90)), false);
        String soon = ask(ben, now.plus(Duration.ofDays(10)), false);
        String planned = ask(anna, now.plus(Duration.ofDays(50)), true);
        String accepted = ask(ben, now.plus(Duration.ofDays(30)), false);
        assertThat(api.withHeader("If-Match", "\"1\"").post("/api/v1/letters/" + accepted + "/status",
                "{\"status\":\"ACCEPTED\"}").status()).isEqualTo(200);

        JsonNode firstPage = api.get("/api/v1/letters?size=3").json();
        assertThat(ids(firstPage)).containsExactly(soon, accepted, planned);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(3);
        assertThat(firstPage.get("total").asInt()).isEqualTo(4);
        assertThat(ids(api.get("/api/v1/letters?size=3&page=1").json())).containsExactly(late);

        assertThat(ids(api.get("/api/v1/letters?status=PLANNED&status=ACCEPTED").json())).containsExactly(accepted, planned);
        assertThat(ids(api.get("/api/v1/letters?dueBefore=" + now.plus(Duration.ofDays(50))).json())).containsExactly(soon, accepted);
        assertThat(ids(api.get("/api/v1/letters?mentorId=" + anna).json())).containsExactly(planned, late);
        JsonNode combined = api.get("/api/v1/letters?mentorId=" + ben + "&status=REQUESTED").json();
        assertThat(ids(combined)).containsExactly(soon);
        assertThat(combined.get("total").asInt()).isEqualTo(1);
        assertThat(combined.get("items").get(0).get("daysUntilDeadline").asInt()).isEqualTo(10);
    }

    @Test
    void badListParametersAnswer400NamingThem() {
        for (Map.Entry<String, String> bad : Map.of(
                "size", "size=101",
                "page", "page=-1",
                "status", "status=LOST",
                "dueBefore", "dueBefore=soon").entrySet()) {
            ApiClient.Response response = api.get("/api/v1/letters?" + bad.getValue());
            assertThat(response.status()).as(bad.getValue()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.getKey());
        }
    }

    @Test
    void anUnknownLetterIs404() {
        ApiClient.Response response = api.get("/api/v1/letters/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiIsDescribedAndTheTransitionsCounted() {
        ApiClient.Response openApi = new ApiClient(port).get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").propertyNames())
                .contains("/api/v1/letters", "/api/v1/letters/{id}", "/api/v1/letters/{id}/status",
                        "/api/v1/letters/{id}/deadline", "/api/v1/letters/{id}/materials");

        String mentorId = mentors.addMentor(TENANT, student);
        ask(mentorId, clock.instant().plus(Duration.ofDays(45)), false);
        String metrics = new ApiClient(port).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("vouch_letters_transitions_total\\{[^}]*status=\"REQUESTED\"[^}]*} [1-9]");
        // Requests are still timed; Spring Security's per-filter observations are off (vouch-defaults.yml).
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/letters\"[^}]*} [1-9]")
                .doesNotContain("spring_security_");
    }

    private String ask(String mentorId, Instant deadline, boolean planned) {
        ApiClient.Response created = api.post("/api/v1/letters", LetterBody.valid(mentorId, deadline).with("planned", planned).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).endsWith("/not-found");
    }

    /** Requests waiting for a mentor the directory does not know yet: the service's own gauge. */
    private double mentorsAwaited() {
        return registry.get("vouch.letters.mentor.waiting").gauge().value();
    }

    private double waits(String outcome) {
        return registry.get("vouch.letters.mentor.waits").tag("outcome", outcome).counter().count();
    }
}
