package dev.vouch.mentor.writer;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.Topics;
import dev.vouch.events.WriterLoadEased;
import dev.vouch.events.WriterOverloaded;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.mentor.Student;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One writer across students: what their advisor sees, what each student sees, and the load events. */
@VouchServiceTest
class WriterIT {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MutableClock clock;
    @Autowired
    WriterLoadWatch watch;

    final String tenant = "school-" + UUID.randomUUID();
    final EventProbe probe = new EventProbe(Topics.WRITERS);

    Instant start;

    @org.junit.jupiter.api.BeforeEach
    void rememberTheTime() {
        start = clock.instant();
    }

    @AfterEach
    void closeProbe() {
        probe.close();
        clock.set(start);
    }

    @Test
    void twoStudentsAskingTheSameProfessorShowOneWriterWithTwoOpenLettersToTheirAdvisorAndNothingToEachOther() throws Exception {
        Student ana = Student.of(port, tenant);
        Student ben = Student.of(port, tenant);
        String anasLee = ana.addMentor("{\"name\":\"Prof. Dana Lee\",\"email\":\" Dana.Lee@Lakeside.edu \"}").get("id").asString();
        String bensLee = ben.addMentor("{\"name\":\"Dr. Dana Lee\",\"email\":\"dana.lee@lakeside.edu\"}").get("id").asString();
        String bensOther = ben.addMentorNamed("Dr. Other");
        Instant deadline = clock.instant().plus(Duration.ofDays(10));
        send(ana, requested(anasLee, deadline), 1);
        send(ben, requested(bensLee, deadline.plus(Duration.ofDays(1))), 1);
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(tenant, "advisor-1"));

        JsonNode writers = await().atMost(Duration.ofSeconds(30)).until(() -> advisor.get("/api/v1/advisor/writers").json(),
                page -> page.get("total").asInt() == 1 && page.at("/items/0/openLetters").asInt() == 2);

        JsonNode lee = writers.at("/items/0");
        assertThat(lee.get("students").asInt()).isEqualTo(2);
        assertThat(lee.get("dueWithin14Days").asInt()).isEqualTo(2);
        assertThat(lee.get("dueWithin7Days").asInt()).isZero();
        assertThat(lee.get("notAnswered").asInt()).isEqualTo(2);
        assertThat(lee.get("earliestDeadline").asString()).isEqualTo(deadline.toString());
        assertThat(lee.get("email").asString()).isEqualTo("dana.lee@lakeside.edu");
        assertThat(lee.get("load").asString()).isEqualTo("LOW");
        assertThat(lee.get("mentorIds").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(anasLee, bensLee);

        // Each student: the writer's load as a count in the ranking, nothing of the other student.
        assertThat(ana.api().get("/api/v1/advisor/writers").status()).isEqualTo(403);
        ApiClient.Response anasRanking = ana.api().get("/api/v1/mentors/ranking");
        assertThat(anasRanking.body()).doesNotContain(ben.id(), bensLee, bensOther);
        JsonNode load = anasRanking.json().at("/items/0/factors").valueStream()
                .filter(f -> f.get("factor").asString().equals("writerLoad")).findFirst().orElseThrow();
        assertThat(load.get("points").asDouble()).isEqualTo(-6.0);
        assertThat(load.get("explanation").asString()).startsWith("2 letters in progress with them");
        assertThat(anasRanking.json().at("/items/0/letters/open").asInt()).as("her own letters").isEqualTo(1);
        assertThat(ana.api().get("/api/v1/mentors/" + bensLee).status()).isEqualTo(404);
        assertThat(ana.api().get("/api/v1/mentors").body()).doesNotContain(bensLee);
        assertThat(new ApiClient(port).as(TestTokens.advisor("another-school", "advisor-2"))
                .get("/api/v1/advisor/writers").json().get("items").toString()).doesNotContain(anasLee);

        // The same view as CSV, parsed back, says what the JSON says.
        ApiClient.Response csv = advisor.withHeader("Accept", "text/csv").get("/api/v1/advisor/writers");
        assertThat(csv.contentType()).startsWith("text/csv");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).toMap()).isEqualTo(cells(lee));
        }
    }

    @Test
    void aWriterCrossingTheThresholdIsAnnouncedOnceWithoutStudentIdsAndEasesBackUnderIt() {
        Student ana = Student.of(port, tenant);
        Student ben = Student.of(port, tenant);
        String anasLee = ana.addMentor("{\"name\":\"Prof. Dana Lee\",\"email\":\"dana.lee@lakeside.edu\"}").get("id").asString();
        String bensLee = ben.addMentor("{\"name\":\"Prof. Dana Lee\",\"email\":\"DANA.LEE@lakeside.edu\"}").get("id").asString();
        Instant soon = clock.instant().plus(Duration.ofDays(12));
        String first = askSeveral(ana, anasLee, soon, 3);
        send(ben, requested(bensLee, soon), 1);
        send(ben, requested(bensLee, clock.instant().plus(Duration.ofDays(40))), 1);
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(tenant, "advisor-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> advisor.get("/api/v1/advisor/writers").json()
                .at("/items/0/openLetters").asInt() == 5);
        assertThat(advisor.get("/api/v1/advisor/writers").json().at("/items/0/load").asString())
                .as("5 open, 4 due within 14 days").isEqualTo("MODERATE");

        clock.advance(Duration.ofDays(27)); // the 40-day letter is now 13 days out: 5 due within 14
        watch.check(tenant);

        EventEnvelope<?> overloaded = EventProbe.decode(probe.await(ours("dev.vouch.WriterOverloaded.v1"), 1).get(0));
        WriterOverloaded payload = (WriterOverloaded) overloaded.payload();
        assertThat(payload.dueWithin14Days()).isEqualTo(5);
        assertThat(payload.threshold()).isEqualTo(5);
        assertThat(overloaded.tenant()).isEqualTo(tenant);
        assertThat(overloaded.studentId()).as("keyed by writer").isEqualTo(payload.writerId());
        assertThat(new String(probe.await(ours("dev.vouch.WriterOverloaded.v1"), 1).get(0).value()))
                .doesNotContain(ana.id(), ben.id(), anasLee, bensLee);
        watch.check(tenant);
        assertThat(advisor.get("/api/v1/advisor/writers").json().at("/items/0/load").asString()).isEqualTo("HIGH");

        send(ana, new LetterCancelled(first, anasLee), 2);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                probe.upToEnd(ours("dev.vouch.WriterLoadEased.v1")).size() == 1);
        WriterLoadEased eased = (WriterLoadEased) EventProbe.decode(
                probe.upToEnd(ours("dev.vouch.WriterLoadEased.v1")).get(0)).payload();
        assertThat(eased.writerId()).isEqualTo(payload.writerId());
        assertThat(eased.openLetters()).isEqualTo(4);
        assertThat(probe.upToEnd(ours("dev.vouch.WriterOverloaded.v1"))).as("announced once").hasSize(1);
    }

    @Test
    void aBatchOfLetterEventsChecksTheWritersItTouchedAcrossStudentsAndFollowsAnEmailChange() {
        Student ana = Student.of(port, tenant);
        Student ben = Student.of(port, tenant);
        String anasLee = ana.addMentor("{\"name\":\"Prof. Dana Lee\",\"email\":\"dana.lee@lakeside.edu\"}").get("id").asString();
        String bensLee = ben.addMentor("{\"name\":\"Prof. Dana Lee\",\"email\":\"Dana.Lee@lakeside.edu\"}").get("id").asString();
        Instant soon = clock.instant().plus(Duration.ofDays(12));
        String first = askSeveral(ana, anasLee, soon, 4);
        send(ben, requested(bensLee, soon), 1); // the fifth, through Ben's record of the same writer

        WriterOverloaded overloaded = (WriterOverloaded) EventProbe.decode(
                probe.await(ours("dev.vouch.WriterOverloaded.v1"), 1).get(0)).payload();
        assertThat(overloaded.dueWithin14Days()).isEqualTo(5);

        // Ben's record now names someone else: Dana Lee's load is Ana's letters alone, once a letter event comes.
        assertThat(ben.api().withHeader("If-Match", "\"1\"")
                .patch("/api/v1/mentors/" + bensLee, "{\"email\":\"sam.roe@lakeside.edu\"}").status())
                .isEqualTo(200);
        send(ana, new LetterCancelled(first, anasLee), 2);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                probe.upToEnd(ours("dev.vouch.WriterLoadEased.v1")).size() == 1);
        WriterLoadEased eased = (WriterLoadEased) EventProbe.decode(
                probe.upToEnd(ours("dev.vouch.WriterLoadEased.v1")).get(0)).payload();
        assertThat(eased.writerId()).isEqualTo(overloaded.writerId());
        assertThat(eased.openLetters()).as("Ana's three left, not Ben's").isEqualTo(3);
    }

    @Test
    void anAdvisorLinksAMentorWithoutEmailToAWriterAndUnlinksIt() {
        Student ana = Student.of(port, tenant);
        Student cam = Student.of(port, tenant);
        String anasLee = ana.addMentor("{\"name\":\"Prof. Dana Lee\",\"email\":\"dana.lee@lakeside.edu\"}").get("id").asString();
        String camsLee = cam.addMentorNamed("Dana Lee");
        Instant deadline = clock.instant().plus(Duration.ofDays(20));
        send(ana, requested(anasLee, deadline), 1);
        send(cam, requested(camsLee, deadline), 1);
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(tenant, "advisor-1"));
        JsonNode two = await().atMost(Duration.ofSeconds(30)).until(() -> advisor.get("/api/v1/advisor/writers").json(),
                page -> page.get("total").asInt() == 2);
        String leeId = two.get("items").valueStream().filter(w -> w.hasNonNull("email")).findFirst().orElseThrow()
                .get("writerId").asString();

        assertThat(advisor.post("/api/v1/advisor/writers/" + leeId + "/mentors", "{\"mentorId\":\"" + camsLee + "\"}")
                .status()).isEqualTo(204);
        JsonNode linked = advisor.get("/api/v1/advisor/writers").json();
        assertThat(linked.get("total").asInt()).isEqualTo(1);
        assertThat(linked.at("/items/0/openLetters").asInt()).isEqualTo(2);
        assertThat(cam.api().get("/api/v1/mentors/ranking").json().at("/items/0/factors/7/points").asDouble())
                .as("the linked student's ranking counts the writer's load").isEqualTo(-6.0);
        assertThat(advisor.post("/api/v1/advisor/writers/" + leeId + "/mentors", "{\"mentorId\":\"" + anasLee + "\"}")
                .status()).as("matched by email already").isEqualTo(409);
        assertThat(cam.api().post("/api/v1/advisor/writers/" + leeId + "/mentors", "{\"mentorId\":\"" + camsLee + "\"}")
                .status()).isEqualTo(403);

        assertThat(advisor.delete("/api/v1/advisor/writers/" + leeId + "/mentors/" + camsLee).status()).isEqualTo(204);
        assertThat(advisor.get("/api/v1/advisor/writers").json().get("total").asInt()).isEqualTo(2);
        assertThat(advisor.delete("/api/v1/advisor/writers/" + leeId + "/mentors/" + camsLee).status()).isEqualTo(404);
    }

    private static Map<String, String> cells(JsonNode json) {
        Map<String, String> row = new LinkedHashMap<>();
        json.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                StringJoiner joined = new StringJoiner("; ");
                value.forEach(item -> joined.add(item.asString()));
                row.put(field.getKey(), joined.toString());
            } else {
                row.put(field.getKey(), value.asString());
            }
        });
        return row;
    }

    /** Events of this type from this test's institution (the topic holds other tests' too). */
    private java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> ours(String type) {
        return ofType(type).and(record -> tenant.equals(EventProbe.decode(record).tenant()));
    }

    /** Sends {@code count} requests of the student's mentor due at {@code deadline}; returns the first letter's id. */
    private String askSeveral(Student student, String mentorId, Instant deadline, int count) {
        String first = null;
        for (int i = 0; i < count; i++) {
            LetterRequested letter = requested(mentorId, deadline);
            first = first == null ? letter.letterId() : first;
            send(student, letter, 1);
        }
        return first;
    }

    private static LetterRequested requested(String mentorId, Instant deadline) {
        return new LetterRequested(UUID.randomUUID().toString(), mentorId, LetterPurpose.RESIDENCY, List.of("IM"),
                deadline, true, Set.of(), false, false, Instant.parse("2026-11-01T10:00:00Z"));
    }

    private void send(Student student, LetterEvent event, long sequence) {
        EventEnvelope<LetterEvent> envelope = events.envelope(event, student.tenant(), student.id(), sequence);
        try {
            kafka.send(new ProducerRecord<>(Topics.LETTERS, student.id(), CloudEvents.toCloudEvent(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
