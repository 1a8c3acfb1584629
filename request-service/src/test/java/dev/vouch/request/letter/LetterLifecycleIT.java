package dev.vouch.request.letter;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.vouch.testsupport.EventProbe.header;
import static dev.vouch.testsupport.EventProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each change of a letter, over HTTP, and the one event it publishes under the letter's next sequence. */
@VouchServiceTest
class LetterLifecycleIT {

    static final String TENANT = "med-school";
    static final Duration QUIET = Duration.ofSeconds(1);

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

    final EventProbe letters = new EventProbe(Topics.LETTERS);
    final String student = "student-" + UUID.randomUUID();
    MentorFeed mentors;
    ApiClient api;
    String mentorId;

    @BeforeEach
    void aStudentWithAMentor() {
        mentors = new MentorFeed(kafka, events, directory, environment);
        mentorId = mentors.addMentor(TENANT, student);
        api = new ApiClient(port).as(TestTokens.student(TENANT, student));
    }

    @AfterEach
    void closeProbe() {
        letters.close();
    }

    @Test
    void aLetterAskedAcceptedAndSubmittedPublishesOneEventPerStepInSequence() {
        Instant deadline = clock.instant().plus(Duration.ofDays(60));
        ApiClient.Response created = post(LetterBody.valid(mentorId, deadline));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        assertThat(move(id, "ACCEPTED", "\"1\"").header("ETag")).isEqualTo("\"2\"");
        ApiClient.Response submitted = move(id, "SUBMITTED", "\"2\"");
        assertThat(submitted.header("ETag")).isEqualTo("\"3\"");
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");

        List<ConsumerRecord<String, byte[]>> published = exactly(3);
        assertThat(published).extracting(r -> header(r, "ce_type")).containsExactly(
                "dev.vouch.LetterRequested.v1", "dev.vouch.LetterAccepted.v1", "dev.vouch.LetterSubmitted.v1");
        assertThat(published).extracting(r -> header(r, "ce_sequence")).containsExactly("1", "2", "3");
        assertThat(published).extracting(r -> header(r, "ce_subject")).containsOnly(id);
        assertThat(published).extracting(r -> header(r, "ce_source")).containsOnly("/vouch/request-service");
        assertThat(published).extracting(r -> header(r, "ce_tenant")).containsOnly(TENANT);
        assertThat(payload(published.get(0))).isEqualTo(new LetterRequested(id, mentorId, LetterPurpose.RESIDENCY,
                List.of("Lakeside University Hospital Internal Medicine Residency",
                        "Harbor County Medical Center Internal Medicine Residency"),
                deadline, true, Set.of(Material.PERSONAL_STATEMENT, Material.CV), false, false, clock.instant()));
        assertThat(payload(published.get(1))).isEqualTo(new LetterAccepted(id, mentorId));
        assertThat(payload(published.get(2))).isEqualTo(new LetterSubmitted(id, mentorId));
    }

    @Test
    void aPlannedLetterIsAnnouncedAsPlannedThenAgainWhenAskedAndMayBeDeclined() {
        Instant deadline = clock.instant().plus(Duration.ofDays(20));
        ApiClient.Response planned = post(LetterBody.valid(mentorId, deadline).with("planned", true));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.json().get("requestedAt").isNull()).isTrue();
        String id = planned.json().get("id").asString();

        ApiClient.Response requested = move(id, "REQUESTED", "\"1\"");
        assertThat(requested.json().get("requestedAt").asString()).isEqualTo(clock.instant().toString());
        move(id, "DECLINED", "\"2\"");

        List<ConsumerRecord<String, byte[]>> published = exactly(3);
        assertThat(published).extracting(r -> header(r, "ce_sequence")).containsExactly("1", "2", "3");
        assertThat(payload(published.get(0))).isInstanceOfSatisfying(LetterRequested.class, first -> {
            assertThat(first.planned()).isTrue();
            assertThat(first.requestedAt()).isNull();
            assertThat(first.shortNotice()).isTrue();
        });
        assertThat(payload(published.get(1))).isInstanceOfSatisfying(LetterRequested.class, second -> {
            assertThat(second.planned()).isFalse();
            assertThat(second.requestedAt()).isEqualTo(clock.instant());
            assertThat(second.shortNotice()).isTrue();
        });
        assertThat(payload(published.get(2))).isEqualTo(new LetterDeclined(id, mentorId));
    }

    @Test
    void theDeadlineAndTheMaterialsChangeWithTheirOwnEventsAndAnUnchangedValueChangesNothing() {
        Instant deadline = clock.instant().plus(Duration.ofDays(40));
        String id = ask(deadline);

        Instant later = deadline.plus(Duration.ofDays(14));
        ApiClient.Response moved = put(id, "deadline", "\"1\"", Map.of("deadline", later.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.header("ETag")).isEqualTo("\"2\"");
        assertThat(moved.json().get("deadline").asString()).isEqualTo(later.toString());

        ApiClient.Response shared = put(id, "materials", "\"2\"", Map.of("materials", List.of("TRANSCRIPT", "CV", "PERSONAL_STATEMENT")));
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.header("ETag")).isEqualTo("\"3\"");
        assertThat(shared.json().get("materials").toString()).isEqualTo("[\"PERSONAL_STATEMENT\",\"CV\",\"TRANSCRIPT\"]");

        ApiClient.Response same = put(id, "materials", "\"3\"", Map.of("materials", List.of("CV", "TRANSCRIPT", "PERSONAL_STATEMENT")));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"3\"");

        ApiClient.Response cancelled = move(id, "CANCELLED", "\"3\"");
        assertThat(cancelled.header("ETag")).isEqualTo("\"4\"");

        List<ConsumerRecord<String, byte[]>> published = exactly(4);
        assertThat(published).extracting(r -> header(r, "ce_sequence")).containsExactly("1", "2", "3", "4");
        assertThat(payload(published.get(1))).isEqualTo(new LetterDeadlineChanged(id, mentorId, deadline, later));
        assertThat(payload(published.get(2))).isEqualTo(new LetterMaterialsShared(id, mentorId,
                Set.of(Material.PERSONAL_STATEMENT, Material.CV, Material.TRANSCRIPT)));
        assertThat(payload(published.get(3))).isEqualTo(new LetterCancelled(id, mentorId));
    }

    @Test
    void anIllegalMoveAnswers409NamingTheCurrentStatusAndChangesNothing() {
        String id = ask(clock.instant().plus(Duration.ofDays(40)));

        ApiClient.Response backwards = move(id, "PLANNED", "\"1\"");
        assertThat(backwards.status()).isEqualTo(409);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(backwards.json().get("type").asString()).endsWith("/illegal-transition");
        assertThat(backwards.json().get("currentStatus").asString()).isEqualTo("REQUESTED");
        assertThat(backwards.json().get("allowedStatuses").toString())
                .isEqualTo("[\"ACCEPTED\",\"DECLINED\",\"SUBMITTED\",\"CANCELLED\"]");

        ApiClient.Response same = move(id, "REQUESTED", "\"1\"");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("currentStatus").asString()).isEqualTo("REQUESTED");

        ApiClient.Response unknown = move(id, "LOST", "\"1\"");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        JsonNode letter = api.get("/api/v1/letters/" + id).json();
        assertThat(letter.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(letter.get("version").asInt()).isEqualTo(1);
        exactly(1);
    }

    @Test
    void aFinalLetterRefusesEveryChangeWith409() {
        String id = ask(clock.instant().plus(Duration.ofDays(40)));
        move(id, "SUBMITTED", "\"1\"");

        ApiClient.Response cancel = move(id, "CANCELLED", "\"2\"");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("currentStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(cancel.json().get("allowedStatuses").size()).isZero();

        ApiClient.Response deadline = put(id, "deadline", "\"2\"", Map.of("deadline", clock.instant().plus(Duration.ofDays(50)).toString()));
        assertThat(deadline.status()).isEqualTo(409);
        assertThat(deadline.json().get("type").asString()).endsWith("/letter-closed");
        assertThat(deadline.json().get("currentStatus").asString()).isEqualTo("SUBMITTED");

        ApiClient.Response materials = put(id, "materials", "\"2\"", Map.of("materials", List.of("CV")));
        assertThat(materials.status()).isEqualTo(409);
        assertThat(materials.json().get("currentStatus").asString()).isEqualTo("SUBMITTED");
        exactly(2);
    }

    @Test
    void changesNeedTheCurrentVersionInIfMatch() {
        String id = ask(clock.instant().plus(Duration.ofDays(40)));
        String moveBody = LetterBody.json(Map.of("status", "ACCEPTED"));
        String deadlineBody = LetterBody.json(Map.of("deadline", clock.instant().plus(Duration.ofDays(50)).toString()));
        String materialsBody = LetterBody.json(Map.of("materials", List.of("CV")));

        assertThat(api.post("/api/v1/letters/" + id + "/status", moveBody).status()).isEqualTo(428);
        assertThat(api.put("/api/v1/letters/" + id + "/deadline", deadlineBody).status()).isEqualTo(428);
        assertThat(api.put("/api/v1/letters/" + id + "/materials", materialsBody).status()).isEqualTo(428);

        ApiClient stale = api.withHeader("If-Match", "\"7\"");
        ApiClient.Response staleMove = stale.post("/api/v1/letters/" + id + "/status", moveBody);
        assertThat(staleMove.status()).isEqualTo(412);
        assertThat(staleMove.json().get("currentVersion").asInt()).isEqualTo(1);
        assertThat(stale.put("/api/v1/letters/" + id + "/deadline", deadlineBody).status()).isEqualTo(412);
        assertThat(stale.put("/api/v1/letters/" + id + "/materials", materialsBody).status()).isEqualTo(412);

        assertThat(api.get("/api/v1/letters/" + id).json().get("status").asString()).isEqualTo("REQUESTED");
        exactly(1);
    }

    @Test
    void aDeadlineCanOnlyMoveIntoTheFuture() {
        String id = ask(clock.instant().plus(Duration.ofDays(40)));

        ApiClient.Response past = put(id, "deadline", "\"1\"", Map.of("deadline", clock.instant().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("deadline");

        ApiClient.Response dayInZone = put(id, "deadline", "\"1\"", Map.of("deadline", Map.of("date", "2099-03-01", "timeZone", "America/Chicago")));
        assertThat(dayInZone.status()).as(dayInZone.body()).isEqualTo(200);
        assertThat(dayInZone.json().get("deadline").asString()).isEqualTo("2099-03-02T05:59:59Z");
    }

    @Test
    void askingForAPlannedLetterWhoseMentorWasArchivedMeanwhileIs409AndTheLetterStaysPlanned() {
        ApiClient.Response planned = post(LetterBody.valid(mentorId, clock.instant().plus(Duration.ofDays(90))).with("planned", true));
        String id = planned.json().get("id").asString();
        mentors.archive(TENANT, student, mentorId);

        ApiClient.Response ask = move(id, "REQUESTED", "\"1\"");
        assertThat(ask.status()).isEqualTo(409);
        assertThat(ask.json().get("type").asString()).endsWith("/mentor-archived");

        JsonNode letter = api.get("/api/v1/letters/" + id).json();
        assertThat(letter.get("status").asString()).isEqualTo("PLANNED");
        assertThat(letter.get("version").asInt()).isEqualTo(1);
        assertThat(move(id, "CANCELLED", "\"1\"").status()).isEqualTo(200);
    }

    private String ask(Instant deadline) {
        ApiClient.Response created = post(LetterBody.valid(mentorId, deadline));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ApiClient.Response post(LetterBody body) {
        return api.post("/api/v1/letters", body.json());
    }

    private ApiClient.Response move(String id, String status, String ifMatch) {
        return api.withHeader("If-Match", ifMatch).post("/api/v1/letters/" + id + "/status",
                LetterBody.json(Map.of("status", status)));
    }

    private ApiClient.Response put(String id, String what, String ifMatch, Object body) {
        return api.withHeader("If-Match", ifMatch).put("/api/v1/letters/" + id + "/" + what, LetterBody.json(body));
    }

    /** Waits for {@code count} events of this student's letters, then makes sure no more follow. */
    private List<ConsumerRecord<String, byte[]>> exactly(int count) {
        letters.await(keyed(student), count);
        List<ConsumerRecord<String, byte[]>> all = letters.upToEnd(keyed(student));
        assertThat(all).extracting(r -> header(r, "ce_type") + "#" + header(r, "ce_sequence") + " " + header(r, "ce_id"))
                .hasSize(count);
        return all;
    }

    private static VouchEvent payload(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<VouchEvent> envelope = EventProbe.decode(record);
        return envelope.payload();
    }
}
