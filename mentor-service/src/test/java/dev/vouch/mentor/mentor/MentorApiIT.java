package dev.vouch.mentor.mentor;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorSource;
import dev.vouch.events.MentorUpdated;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.mentor.Student;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.VouchServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.vouch.testsupport.EventProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

@VouchServiceTest
class MentorApiIT {

    static final String RIVERA = """
            {"name":"Dr. Ana Rivera","email":"ana.rivera@lakeside.edu","title":"Associate Program Director",
             "specialty":"Internal Medicine","organization":"Lakeside University Hospital",
             "relationship":"CLINICIAN_SHADOWED","source":"CURRENT_NETWORK","stayInTouchDays":60,
             "notes":"Shadowed her clinic for a month",
             "ratings":{"firstHandKnowledge":5,"standing":4,"articulatesPotential":4,"relatableVoice":3,"willingToSupport":5}}
            """;

    @LocalServerPort
    int port;

    final EventProbe probe = new EventProbe(Topics.MENTORS);

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void addingAMentorAnswers201AndPublishesMentorAddedKeyedByTheStudent() {
        Student student = Student.of(port);

        ApiClient.Response created = student.api().post("/api/v1/mentors", RIVERA);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode mentor = created.json();
        String id = mentor.get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/mentors/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(mentor.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(mentor.get("version").asInt()).isEqualTo(1);
        assertThat(mentor.get("contactCount").asInt()).isZero();
        assertThat(mentor.get("ratings").get("firstHandKnowledge").asInt()).isEqualTo(5);

        ConsumerRecord<String, byte[]> record = probe.await(EventProbe.keyed(student.id()), 1).get(0);
        assertThat(record.key()).isEqualTo(student.id());
        assertThat(header(record, "ce_type")).isEqualTo("dev.vouch.MentorAdded.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/vouch/mentor-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_tenant")).isEqualTo(student.tenant());
        assertThat(header(record, "ce_studentid")).isEqualTo(student.id());
        assertThat(header(record, "ce_sequence")).isEqualTo("1");
        assertThat(EventProbe.decode(record).payload()).isEqualTo(new MentorAdded(id, "Dr. Ana Rivera",
                "Associate Program Director", "Internal Medicine", "Lakeside University Hospital",
                MentorRelationship.CLINICIAN_SHADOWED, MentorSource.CURRENT_NETWORK, 60));

        ApiClient.Response read = student.api().get("/api/v1/mentors/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json()).isEqualTo(mentor);
    }

    @Test
    void onlyANameIsNeededAndTheDefaultsAreFilledIn() {
        JsonNode mentor = Student.of(port).addMentor("{\"name\":\"Dr. Lee\"}");

        assertThat(mentor.get("relationship").asString()).isEqualTo("OTHER");
        assertThat(mentor.get("stayInTouchDays").asInt()).isEqualTo(90);
        assertThat(mentor.get("ratings").get("standing").isNull()).isTrue();
    }

    @Test
    void aPatchWithTheCurrentVersionChangesTheNamedFieldsAndPublishesWhatChanged() {
        Student student = Student.of(port);
        String id = student.addMentor(RIVERA).get("id").asString();

        ApiClient.Response patched = student.api().withHeader("If-Match", "\"1\"")
                .patch("/api/v1/mentors/" + id, "{\"title\":\"Program Director\",\"email\":null,\"ratings\":{\"standing\":5}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().get("title").asString()).isEqualTo("Program Director");
        assertThat(patched.json().get("email").isNull()).isTrue();
        assertThat(patched.json().get("specialty").asString()).isEqualTo("Internal Medicine");
        assertThat(patched.json().get("ratings").get("standing").asInt()).isEqualTo(5);
        assertThat(patched.json().get("ratings").get("firstHandKnowledge").asInt()).isEqualTo(5);

        ConsumerRecord<String, byte[]> updated = probe.await(EventProbe.keyed(student.id()), 2).get(1);
        assertThat(header(updated, "ce_type")).isEqualTo("dev.vouch.MentorUpdated.v1");
        assertThat(header(updated, "ce_sequence")).isEqualTo("2");
        MentorUpdated event = (MentorUpdated) EventProbe.decode(updated).payload();
        assertThat(event.changedFields()).containsExactly("email", "title", "ratings.standing");
        assertThat(event.title()).isEqualTo("Program Director");
        assertThat(event.stayInTouchDays()).isEqualTo(60);
    }

    @Test
    void theMergePatchMediaTypeIsAccepted() throws IOException, InterruptedException {
        Student student = Student.of(port);
        String id = student.addMentorNamed("Dr. Patch");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mentors/" + id))
                .header("Authorization", "Bearer " + dev.vouch.testsupport.TestTokens.student(student.tenant(), student.id()))
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"specialty\":\"Pediatrics\"}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(student.mentor(id).get("specialty").asString()).isEqualTo("Pediatrics");
    }

    @Test
    void aStaleVersionIs412AndAMissingOneIs428AndNothingChanges() {
        Student student = Student.of(port);
        String id = student.addMentor(RIVERA).get("id").asString();
        assertThat(student.api().withHeader("If-Match", "\"1\"")
                .patch("/api/v1/mentors/" + id, "{\"title\":\"Chief\"}").status()).isEqualTo(200);

        ApiClient.Response stale = student.api().withHeader("If-Match", "\"1\"")
                .patch("/api/v1/mentors/" + id, "{\"title\":\"Dean\"}");
        ApiClient.Response missing = student.api().patch("/api/v1/mentors/" + id, "{\"title\":\"Dean\"}");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(missing.status()).isEqualTo(428);
        JsonNode mentor = student.mentor(id);
        assertThat(mentor.get("title").asString()).isEqualTo("Chief");
        assertThat(mentor.get("version").asInt()).isEqualTo(2);
        probe.await(EventProbe.keyed(student.id()), 2);
        assertThat(probe.upToEnd(EventProbe.keyed(student.id()))).hasSize(2);
    }

    @Test
    void aPatchThatChangesNothingStoresAndPublishesNothing() {
        Student student = Student.of(port);
        String id = student.addMentor(RIVERA).get("id").asString();

        ApiClient.Response same = student.api().withHeader("If-Match", "\"1\"")
                .patch("/api/v1/mentors/" + id, "{\"title\":\"Associate Program Director\",\"ratings\":{\"standing\":4}}");

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        probe.await(EventProbe.keyed(student.id()), 1);
        assertThat(probe.upToEnd(EventProbe.keyed(student.id()))).hasSize(1);
    }

    @Test
    void deleteArchivesOnceAndAnArchivedMentorTakesNoChanges() {
        Student student = Student.of(port);
        String id = student.addMentorNamed("Dr. Gone");

        assertThat(student.api().delete("/api/v1/mentors/" + id).status()).isEqualTo(204);
        assertThat(student.api().delete("/api/v1/mentors/" + id).status()).isEqualTo(204);

        JsonNode archived = student.mentor(id);
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("archivedAt").isNull()).isFalse();
        ApiClient.Response patch = student.api().withHeader("If-Match", "\"2\"")
                .patch("/api/v1/mentors/" + id, "{\"title\":\"Back\"}");
        assertThat(patch.status()).isEqualTo(409);
        assertThat(patch.json().get("currentStatus").asString()).isEqualTo("ARCHIVED");

        List<ConsumerRecord<String, byte[]>> events = probe.await(EventProbe.keyed(student.id()), 2);
        assertThat(probe.upToEnd(EventProbe.keyed(student.id()))).hasSize(2);
        EventEnvelope<VouchEvent> archivedEvent = EventProbe.decode(events.get(1));
        assertThat(archivedEvent.payload()).isEqualTo(new MentorArchived(id));
        assertThat(archivedEvent.sequence()).isEqualTo(2);
    }

    @Test
    void listsArePagedSortedByNameAndFilteredByStatus() {
        Student student = Student.of(port);
        student.addMentorNamed("dr. Charles Xu");
        student.addMentorNamed("Dr. Bea Adams");
        String archived = student.addMentorNamed("Dr. Ana Old");
        student.api().delete("/api/v1/mentors/" + archived);

        JsonNode firstPage = student.api().get("/api/v1/mentors?size=2").json();
        JsonNode secondPage = student.api().get("/api/v1/mentors?size=2&page=1").json();
        JsonNode active = student.api().get("/api/v1/mentors?status=ACTIVE").json();

        assertThat(firstPage.get("total").asInt()).isEqualTo(3);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(names(firstPage)).containsExactly("Dr. Ana Old", "Dr. Bea Adams");
        assertThat(names(secondPage)).containsExactly("dr. Charles Xu");
        assertThat(names(active)).containsExactly("Dr. Bea Adams", "dr. Charles Xu");
        assertThat(active.get("total").asInt()).isEqualTo(2);
    }

    @Test
    void searchMatchesNameSpecialtyOrOrganizationAndTreatsTheTextLiterally() {
        Student student = Student.of(port);
        student.addMentor("{\"name\":\"Dr. Ana Rivera\",\"specialty\":\"Internal Medicine\"}");
        student.addMentor("{\"name\":\"Dr. Sam Okafor\",\"organization\":\"St. Mary's (Harbor County)\"}");
        student.addMentor("{\"name\":\"Dr. Kim Park\",\"specialty\":\"Pediatrics\"}");

        assertThat(search(student, "rivera")).containsExactly("Dr. Ana Rivera");
        assertThat(search(student, "MEDICINE")).containsExactly("Dr. Ana Rivera");
        assertThat(search(student, "(harbor")).containsExactly("Dr. Sam Okafor");
        assertThat(search(student, "St. Mary's (")).containsExactly("Dr. Sam Okafor");
        assertThat(search(student, ".*")).isEmpty();
        assertThat(search(student, "Dr.")).hasSize(3);
        assertThat(search(student, "D.\\. K")).isEmpty();
        assertThat(search(student, "[a-z]+")).isEmpty();
        assertThat(search(student, "\\E.*\\Q")).isEmpty();
    }

    @Test
    void theOpenApiDescriptionListsTheMentorEndpoints() {
        JsonNode api = new ApiClient(port).get("/v3/api-docs").json();

        assertThat(api.get("openapi").asString()).startsWith("3.1");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/mentors", "/api/v1/mentors/{id}",
                "/api/v1/mentors/{mentorId}/contacts", "/api/v1/mentors/ranking");
    }

    private static List<String> search(Student student, String text) {
        ApiClient.Response response = student.api().get("/api/v1/mentors?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return names(response.json());
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("name").asString()).toList();
    }
}
