package dev.vouch.request.letter;

import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.request.MentorFeed;
import dev.vouch.request.mentor.MentorDirectory;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.ErrorResponsesContract;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error of the letters API port as problem+json with a stable type, conflicts included. */
@VouchServiceTest
class ErrorResponsesIT extends ErrorResponsesContract {

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

    @Override
    protected String postPath() {
        return "/api/v1/letters";
    }

    @Override
    protected String readPath() {
        return "/api/v1/letters";
    }

    @Override
    protected String validBody() {
        return LetterBody.valid("mentor-" + UUID.randomUUID(), clock.instant().plus(Duration.ofDays(40))).json();
    }

    @Test
    void conflictsAreProblemJsonWithTheirTypes() {
        String student = "student-" + UUID.randomUUID();
        ApiClient api = new ApiClient(port).as(TestTokens.student("med-school", student));
        String mentor = new MentorFeed(kafka, events, directory, environment).addMentor("med-school", student);
        ApiClient.Response created = api.post("/api/v1/letters",
                LetterBody.valid(mentor, clock.instant().plus(Duration.ofDays(40))).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/letters/" + created.json().get("id").asString();

        assertProblem(api.post(path + "/status", "{\"status\":\"ACCEPTED\"}"), 428, "version-required");
        assertProblem(api.withHeader("If-Match", "\"7\"").post(path + "/status", "{\"status\":\"ACCEPTED\"}"), 412,
                "stale-version");
        assertProblem(api.withHeader("If-Match", "\"1\"").post(path + "/status", "{\"status\":\"PLANNED\"}"), 409,
                "illegal-transition");
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://vouch.dev/problems/" + type);
    }
}
