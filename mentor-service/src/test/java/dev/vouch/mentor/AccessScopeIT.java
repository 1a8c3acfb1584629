package dev.vouch.mentor;

import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A student reads and changes only their own mentors; an advisor reads students of their own tenant. */
@VouchServiceTest
class AccessScopeIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    String contact() {
        return "{\"type\":\"CALL\",\"occurredAt\":\"" + clock.instant().minus(Duration.ofDays(2)) + "\"}";
    }

    @Test
    void anotherStudentOrAnotherTenantFindsNothingAndChangesNothing() {
        Student owner = Student.of(port);
        String mentorId = owner.addMentorNamed("Dr. Mine");
        String contactId = owner.logContact(mentorId, contact()).json().get("id").asString();
        ApiClient classmate = new ApiClient(port).as(TestTokens.student(owner.tenant(), "student-classmate"));
        ApiClient sameIdElsewhere = new ApiClient(port).as(TestTokens.student("other-school", owner.id()));

        for (ApiClient stranger : new ApiClient[] {classmate, sameIdElsewhere}) {
            assertThat(stranger.get("/api/v1/mentors/" + mentorId).status()).isEqualTo(404);
            assertThat(stranger.withHeader("If-Match", "\"2\"")
                    .patch("/api/v1/mentors/" + mentorId, "{\"name\":\"Stolen\"}").status()).isEqualTo(404);
            assertThat(stranger.delete("/api/v1/mentors/" + mentorId).status()).isEqualTo(404);
            assertThat(stranger.post("/api/v1/mentors/" + mentorId + "/contacts", contact().replace("CALL", "EMAIL"))
                    .status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/mentors/" + mentorId + "/contacts").status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/mentors/" + mentorId + "/contacts/" + contactId).status()).isEqualTo(404);
            assertThat(stranger.get("/api/v1/mentors").json().get("items").valueStream()
                    .map(item -> item.get("id").asString())).doesNotContain(mentorId);
            assertThat(stranger.get("/api/v1/mentors/ranking").json().get("items").valueStream()
                    .map(item -> item.get("mentorId").asString())).doesNotContain(mentorId);
        }
        var mentor = owner.mentor(mentorId);
        assertThat(mentor.get("name").asString()).isEqualTo("Dr. Mine");
        assertThat(mentor.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(mentor.get("contactCount").asInt()).isEqualTo(1);
    }

    @Test
    void anAdvisorReadsAStudentOfTheirTenantByStudentIdButChangesNothing() {
        Student student = Student.of(port);
        String mentorId = student.addMentorNamed("Dr. Advised");
        student.logContact(mentorId, contact());
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(student.tenant(), "advisor-1"));
        String of = "?studentId=" + student.id();

        ApiClient.Response read = advisor.get("/api/v1/mentors/" + mentorId + of);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Dr. Advised");
        assertThat(advisor.get("/api/v1/mentors" + of).json().get("total").asInt()).isEqualTo(1);
        assertThat(advisor.get("/api/v1/mentors/" + mentorId + "/contacts" + of).json().get("total").asInt()).isEqualTo(1);
        assertThat(advisor.get("/api/v1/mentors/ranking" + of).json().get("items").get(0).get("mentorId").asString())
                .isEqualTo(mentorId);

        ApiClient.Response withoutStudent = advisor.get("/api/v1/mentors/" + mentorId);
        assertThat(withoutStudent.status()).isEqualTo(400);
        assertThat(withoutStudent.json().get("errors").get(0).get("field").asString()).isEqualTo("studentId");
        assertThat(advisor.withHeader("If-Match", "\"2\"")
                .patch("/api/v1/mentors/" + mentorId + of, "{\"name\":\"Renamed\"}").status()).isEqualTo(403);
        assertThat(advisor.delete("/api/v1/mentors/" + mentorId + of).status()).isEqualTo(403);
        assertThat(advisor.post("/api/v1/mentors/" + mentorId + "/contacts" + of, contact()).status()).isEqualTo(403);

        ApiClient otherTenantAdvisor = new ApiClient(port).as(TestTokens.advisor("other-school", "advisor-2"));
        assertThat(otherTenantAdvisor.get("/api/v1/mentors/" + mentorId + of).status()).isEqualTo(404);
        assertThat(otherTenantAdvisor.get("/api/v1/mentors" + of).json().get("total").asInt()).isZero();
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        assertThat(new ApiClient(port).get("/api/v1/mentors").status()).isEqualTo(401);
        assertThat(new ApiClient(port).get("/api/v1/mentors/ranking").status()).isEqualTo(401);
    }
}
