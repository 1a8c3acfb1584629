package dev.vouch.kit.sample;

import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@VouchServiceTest
class SecurityIT {

    static final String BODY = "{\"name\":\"Dr. Ana Rivera\",\"relationship\":\"FACULTY\"}";

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void withoutATokenTheAnswerIs401AsProblemJson() {
        ApiClient.Response response = api().post("/api/v1/sample-mentors", BODY);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void expiredWrongSignatureWrongIssuerAndMissingTenantAreAll401() {
        String student = "s-" + UUID.randomUUID();
        for (String token : new String[] {
                TestTokens.expired("med-school", student, "STUDENT"),
                TestTokens.signedByStranger("med-school", student, "STUDENT"),
                TestTokens.fromIssuer("https://evil.example/realms/x", "med-school", student, "STUDENT"),
                TestTokens.token(null, student, "STUDENT"),
                "not-a-jwt"}) {
            ApiClient.Response response = api().as(token).post("/api/v1/sample-mentors", BODY);
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    @Test
    void everyClaimRuleRefusesItsTokenWith401() {
        String student = "s-" + UUID.randomUUID();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("another audience", TestTokens.withClaims("med-school", student, c -> c.audience("account")));
        refused.put("no audience", TestTokens.withClaims("med-school", student, c -> c.audience((String) null)));
        refused.put("no exp", TestTokens.withClaims("med-school", student, c -> c.expirationTime(null)));
        refused.put("nbf in an hour", TestTokens.withClaims("med-school", student,
                c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))));
        refused.put("tenant a number", TestTokens.withClaims("med-school", student, c -> c.claim("tenant", 42)));
        refused.put("tenant blank", TestTokens.withClaims(" ", student, c -> c));
        refused.put("no sub", TestTokens.withClaims("med-school", student, c -> c.subject(null)));
        refused.put("HS256 with the public key as secret", TestTokens.hmacSignedWithPublicKey("med-school", student, "STUDENT"));
        refused.forEach((why, token) -> {
            ApiClient.Response response = api().as(token).post("/api/v1/sample-mentors", BODY);
            assertThat(response.status()).as(why + ": " + response.body()).isEqualTo(401);
            assertThat(response.contentType()).as(why).startsWith("application/problem+json");
        });
        ApiClient.Response accepted = api().as(TestTokens.withClaims("med-school", student, c -> c)).post("/api/v1/sample-mentors", BODY);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aTokenWhoseRolesAreAllUnknownIs403() {
        ApiClient.Response response = api().as(TestTokens.token("med-school", "s-1", "ADMIN", "superuser"))
                .get("/api/v1/sample-mentors/x");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theDevTokenEndpointDoesNotExistOutsideTheLocalProfile() {
        assertThat(api().get("/dev/token?tenant=t&sub=s&roles=STUDENT").status()).isEqualTo(404);
    }

    @Test
    void aValidTokenWithoutAVouchRoleIs403() {
        ApiClient.Response response = api().as(TestTokens.token("med-school", "s-1")).post("/api/v1/sample-mentors", BODY);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAdvisorMayReadButNotWrite() {
        ApiClient.Response response = api().as(TestTokens.advisor("med-school", "adv-1")).post("/api/v1/sample-mentors", BODY);
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void recordsOfAnotherStudentOrTenantAnswer404AndAnAdvisorOfTheTenantReadsThem() {
        String student = "s-" + UUID.randomUUID();
        ApiClient owner = api().as(TestTokens.student("med-school", student));
        String id = owner.post("/api/v1/sample-mentors", BODY).json().get("id").asString();

        assertThat(owner.get("/api/v1/sample-mentors/" + id).status()).isEqualTo(200);
        assertThat(api().as(TestTokens.student("med-school", "someone-else")).get("/api/v1/sample-mentors/" + id).status())
                .isEqualTo(404);
        assertThat(api().as(TestTokens.student("other-school", student)).get("/api/v1/sample-mentors/" + id).status())
                .isEqualTo(404);
        assertThat(api().as(TestTokens.advisor("med-school", "adv-1"))
                .get("/api/v1/sample-mentors/" + id + "?studentId=" + student).status()).isEqualTo(200);
        assertThat(api().as(TestTokens.advisor("other-school", "adv-2"))
                .get("/api/v1/sample-mentors/" + id + "?studentId=" + student).status()).isEqualTo(404);
        ApiClient.Response noStudent = api().as(TestTokens.advisor("med-school", "adv-1")).get("/api/v1/sample-mentors/" + id);
        assertThat(noStudent.status()).isEqualTo(400);
        assertThat(noStudent.json().get("errors").get(0).get("field").asString()).isEqualTo("studentId");
    }
}
