package dev.vouch.request.coverage;

import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.TargetCoverageChanged;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.vouch.testsupport.EventProbe.keyed;
import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

/** Targets, their coverage and their caps, through the real broker and Mongo server. */
@VouchServiceTest
class CoverageIT {

    static final String TENANT = "med-school";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROGRAMME = "Lakeside University Hospital Internal Medicine Residency";

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

    final String student = "student-" + UUID.randomUUID();
    final EventProbe probe = new EventProbe(Topics.LETTERS);
    MentorFeed mentors;
    ApiClient api;

    @BeforeEach
    void aStudent() {
        mentors = new MentorFeed(kafka, events, directory, environment);
        api = new ApiClient(port).as(TestTokens.student(TENANT, student));
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aFifthErasLetterAnswers409NamingTheCapUnlessTheStudentConfirms() {
        describe(PROGRAMME, "ERAS", clock.instant().plus(Duration.ofDays(60)));
        for (int i = 0; i < 4; i++) {
            assertThat(ask(PROGRAMME, false).status()).isEqualTo(201);
        }

        ApiClient.Response fifth = ask(" lakeside university hospital internal medicine residency ", false);

        assertThat(fifth.status()).as(fifth.body()).isEqualTo(409);
        assertThat(fifth.contentType()).startsWith("application/problem+json");
        assertThat(fifth.json().get("cap").asInt()).isEqualTo(4);
        assertThat(fifth.json().get("system").asString()).isEqualTo("ERAS");
        assertThat(fifth.json().get("target").asString()).isEqualTo(PROGRAMME);
        assertThat(fifth.json().get("detail").asString()).contains("at most 4");
        assertThat(api.get("/api/v1/letters").json().get("total").asInt()).as("nothing stored").isEqualTo(4);

        ApiClient.Response confirmed = ask(PROGRAMME, true);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        JsonNode target = targetIn(api.get("/api/v1/coverage").json(), PROGRAMME);
        assertThat(target.get("assigned").asInt()).isEqualTo(5);
        assertThat(target.at("/gaps/0/kind").asString()).isEqualTo("OVER_CAP");
    }

    @Test
    void aTargetThreeWeeksOutWithTwoLettersOnTrackHasAGapThatClosesWithAThird() {
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        describe(PROGRAMME, "ERAS", deadline);
        ask(PROGRAMME, false);
        ask(PROGRAMME, false);

        JsonNode target = targetIn(api.get("/api/v1/coverage").json(), PROGRAMME);
        assertThat(target.get("onTrack").asInt()).isEqualTo(2);
        assertThat(target.get("deadline").asString()).isEqualTo(deadline.toString());
        assertThat(target.get("gaps")).hasSize(1);
        assertThat(target.at("/gaps/0/kind").asString()).isEqualTo("TOO_FEW_ON_TRACK");
        assertThat(target.at("/gaps/0/expected").asInt()).isEqualTo(3);
        assertThat(target.at("/gaps/0/actual").asInt()).isEqualTo(2);

        ask(PROGRAMME, false);

        assertThat(targetIn(api.get("/api/v1/coverage").json(), PROGRAMME).get("gaps")).isEmpty();
        List<TargetCoverageChanged> announced = probe.await(keyed(student)
                        .and(ofType("dev.vouch.TargetCoverageChanged.v1")), 4).stream()
                .map(EventProbe::decode).map(EventEnvelope::payload).map(TargetCoverageChanged.class::cast).toList();
        // Described with none on track, then one, two, and three letters: the gap narrows, then closes.
        assertThat(announced).extracting(event -> event.gaps().stream().map(gap -> gap.kind() + " " + gap.actual())
                        .toList())
                .containsExactly(List.of(CoverageGapKind.TOO_FEW_ON_TRACK + " 0"),
                        List.of(CoverageGapKind.TOO_FEW_ON_TRACK + " 1"), List.of(CoverageGapKind.TOO_FEW_ON_TRACK + " 2"),
                        List.of());
        assertThat(announced).allSatisfy(event -> {
            assertThat(event.name()).isEqualTo(PROGRAMME);
            assertThat(event.deadline()).isEqualTo(deadline);
        });
    }

    @Test
    void advisorsReadAStudentsCoverageAsCsvOneRowPerTarget() throws Exception {
        describe(PROGRAMME, "ERAS", clock.instant().plus(Duration.ofDays(40)));
        ask(PROGRAMME, false);
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(TENANT, "advisor-1"))
                .withHeader("Accept", "text/csv");

        ApiClient.Response csv = advisor.get("/api/v1/coverage?studentId=" + student);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        List<Map<String, String>> rows = Csv.parse(csv.body());
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("name")).isEqualTo(PROGRAMME);
            assertThat(row.get("system")).isEqualTo("ERAS");
            assertThat(row.get("onTrack")).isEqualTo("1");
            assertThat(row.get("gaps")).isEqualTo("TOO_FEW_ON_TRACK 1 of 3");
            assertThat(row.get("studentId")).isEqualTo(student);
        });
        ApiClient.Response forbidden = new ApiClient(port).as(TestTokens.student(TENANT, "someone-else"))
                .withHeader("Accept", "text/csv").get("/api/v1/coverage?studentId=" + student);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).as("errors stay problem+json").startsWith("application/problem+json");
    }

    @Test
    void aTargetWithoutANameIsA400NamingTheField() {
        ApiClient.Response bad = api.post("/api/v1/targets", "{\"system\":\"ERAS\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name");
    }

    private void describe(String name, String system, Instant deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("system", system);
        body.put("deadline", deadline.toString());
        ApiClient.Response response = api.post("/api/v1/targets", JSON.writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private ApiClient.Response ask(String target, boolean override) {
        String mentorId = mentors.addMentor(TENANT, student);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentorId", mentorId);
        body.put("purpose", "RESIDENCY");
        body.put("targets", List.of(target));
        body.put("deadline", clock.instant().plus(Duration.ofDays(50)).toString());
        body.put("waiverSigned", true);
        if (override) {
            body.put("overrideCap", true);
        }
        return api.post("/api/v1/letters", JSON.writeValueAsString(body));
    }

    private static JsonNode targetIn(JsonNode coverage, String name) {
        return coverage.get("targets").valueStream().filter(t -> t.get("name").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
