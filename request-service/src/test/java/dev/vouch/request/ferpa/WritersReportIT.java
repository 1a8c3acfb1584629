package dev.vouch.request.ferpa;

import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import dev.vouch.request.coverage.Csv;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The FERPA writers report, its access log, and its CSV form. */
@VouchServiceTest
class WritersReportIT {

    static final String TENANT = "med-school";
    static final JsonMapper JSON = JsonMapper.builder().build();

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
    final String advisorId = "advisor-" + UUID.randomUUID();
    MentorFeed mentors;
    ApiClient api;

    @BeforeEach
    void aStudent() {
        mentors = new MentorFeed(kafka, events, directory, environment);
        api = new ApiClient(port).as(TestTokens.student(TENANT, student));
    }

    @Test
    void listsTheWritersOfWaivedLettersOnlyAndLogsEveryAdvisorRead() {
        String waived = ask(true, false, "=cmd|' /C calc'!A0");
        ask(false, false, "Harbor IM");
        ask(true, true, "Planned only");

        JsonNode own = api.get("/api/v1/letters/writers").json();
        assertThat(own.get("writers")).singleElement().satisfies(writer -> {
            assertThat(writer.get("letterId").asString()).isEqualTo(waived);
            assertThat(writer.get("writerName").asString()).isEqualTo("Dr. Ana Rivera");
            assertThat(writer.get("status").asString()).isEqualTo("REQUESTED");
            assertThat(writer.get("purpose").asString()).isEqualTo("RESIDENCY");
            assertThat(writer.has("message")).as("nothing about content").isFalse();
        });

        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(TENANT, advisorId));
        assertThat(advisor.get("/api/v1/letters/writers?studentId=" + student).json()).isNotNull();
        assertThat(new ApiClient(port).as(TestTokens.advisor("other-school", "stranger"))
                .get("/api/v1/letters/writers?studentId=" + student).json().get("writers")).isEmpty();
        assertThat(new ApiClient(port).as(TestTokens.student(TENANT, "another-student"))
                .get("/api/v1/letters/writers?studentId=" + student).status()).isEqualTo(403);

        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        ApiClient operator = new ApiClient(port).as(TestTokens.token(TENANT, "ops-1", "OPERATOR"));
        JsonNode log = operator.get("/api/v1/operator/access-log?from=" + today + "&to=" + today
                + "&studentId=" + student).json();
        assertThat(log.get("items")).singleElement().satisfies(read -> {
            assertThat(read.get("reader").asString()).isEqualTo(advisorId);
            assertThat(read.get("studentId").asString()).isEqualTo(student);
            assertThat(read.get("report").asString()).isEqualTo("letters/writers");
            assertThat(read.get("at").asString()).isEqualTo(clock.instant().toString());
        });
        assertThat(new ApiClient(port).as(TestTokens.token("other-school", "ops-2", "OPERATOR"))
                .get("/api/v1/operator/access-log?from=" + today + "&to=" + today + "&studentId=" + student)
                .json().get("items")).as("another institution's operator sees only its own advisor's read")
                .singleElement().satisfies(read -> assertThat(read.get("reader").asString()).isEqualTo("stranger"));
        assertThat(advisor.get("/api/v1/operator/access-log").status()).isEqualTo(403);
        ApiClient.Response tooLong = operator.get("/api/v1/operator/access-log?from=2026-01-01&to=2026-12-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("from");
    }

    @Test
    void theCsvParsedBackEqualsTheJsonView() throws Exception {
        ask(true, false, "=HYPERLINK(\"http://x\")");
        ask(true, false, "Lakeside IM, \"categorical\"");
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(TENANT, advisorId));

        JsonNode json = advisor.get("/api/v1/letters/writers?studentId=" + student).json();
        ApiClient.Response csv = advisor.withHeader("Accept", "text/csv").get("/api/v1/letters/writers?studentId=" + student);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(Csv.header(csv.body())).containsExactly("writerName", "mentorId", "letterId", "purpose", "targets",
                "status", "requestedAt", "deadline", "updatedAt");
        List<Map<String, String>> expected = new ArrayList<>();
        json.get("writers").forEach(writer -> {
            Map<String, String> row = new LinkedHashMap<>();
            writer.properties().forEach(field -> row.put(field.getKey(), spreadsheetCell(field.getValue())));
            expected.add(row);
        });
        assertThat(Csv.parse(csv.body())).isEqualTo(expected);
        assertThat(Csv.parse(csv.body())).anySatisfy(row -> assertThat(row.get("targets"))
                .isEqualTo("'=HYPERLINK(\"http://x\")"));
    }

    /** What the JSON value becomes in a spreadsheet cell: lists joined, formulas neutralised. */
    static String spreadsheetCell(JsonNode value) {
        String text;
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner("; ");
            value.forEach(item -> joined.add(item.asString()));
            text = joined.toString();
        } else {
            text = value.asString();
        }
        return !value.isNumber() && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private String ask(boolean waiver, boolean planned, String target) {
        String mentorId = mentors.addMentor(TENANT, student);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentorId", mentorId);
        body.put("purpose", "RESIDENCY");
        body.put("targets", List.of(target));
        body.put("deadline", clock.instant().plus(Duration.ofDays(50)).toString());
        body.put("waiverSigned", waiver);
        body.put("planned", planned);
        body.put("message", "Would you write for me?");
        ApiClient.Response response = api.post("/api/v1/letters", JSON.writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
