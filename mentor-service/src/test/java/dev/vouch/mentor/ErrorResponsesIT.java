package dev.vouch.mentor;

import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.ErrorResponsesContract;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error of the mentor API port as problem+json with a stable type, conflicts included. */
@VouchServiceTest
class ErrorResponsesIT extends ErrorResponsesContract {

    @Override
    protected String postPath() {
        return "/api/v1/mentors";
    }

    @Override
    protected String readPath() {
        return "/api/v1/mentors";
    }

    @Override
    protected String validBody() {
        return "{\"name\":\"Dr. Valid\"}";
    }

    @Test
    void conflictsAreProblemJsonWithTheirTypes() {
        Student student = Student.of(port);
        String path = "/api/v1/mentors/" + student.addMentorNamed("Dr. Valid");

        assertProblem(student.api().patch(path, "{\"title\":\"Dean\"}"), 428, "version-required");
        assertProblem(student.api().withHeader("If-Match", "\"7\"").patch(path, "{\"title\":\"Dean\"}"), 412,
                "stale-version");
        assertThat(student.api().delete(path).status()).isEqualTo(204);
        assertProblem(student.api().withHeader("If-Match", "\"2\"").patch(path, "{\"title\":\"Dean\"}"), 409,
                "mentor-archived");
        assertProblem(student.logContact(path.substring(path.lastIndexOf('/') + 1),
                "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-01T10:00:00Z\"}"), 409, "mentor-archived");
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://vouch.dev/problems/" + type);
    }
}
