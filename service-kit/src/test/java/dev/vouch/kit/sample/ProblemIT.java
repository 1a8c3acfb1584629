package dev.vouch.kit.sample;

import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@VouchServiceTest
class ProblemIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    final String student = "s-" + UUID.randomUUID();

    ApiClient api() {
        return new ApiClient(port).as(TestTokens.student("med-school", student));
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        ApiClient.Response response = api().post("/api/v1/sample-mentors", "{\"name\": \"Dr. Rivera\",");
        assertProblem(response, 400, "malformed-body");
        assertNothingStored();
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() {
        ApiClient.Response response = api().post("/api/v1/sample-mentors", "{\"relationship\":\"FACULTY\"}");
        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertNothingStored();
    }

    @Test
    void anUnknownEnumValueIs400NamingTheFieldAndTheAllowedValues() {
        ApiClient.Response response = api().post("/api/v1/sample-mentors", "{\"name\":\"Dr. X\",\"relationship\":\"BFF\"}");
        assertProblem(response, 400, "validation");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("relationship");
        assertThat(error.get("message").asString()).contains("BFF").contains("CLINICIAN_SHADOWED");
        assertNothingStored();
    }

    @Test
    void aBodyOver64KiBIs413WhetherDeclaredOrStreamed() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"relationship\":\"FACULTY\"}";
        assertProblem(api().post("/api/v1/sample-mentors", big), 413, "body-too-large");
        assertProblem(api().postChunked("/api/v1/sample-mentors", big.getBytes(StandardCharsets.UTF_8)), 413, "body-too-large");
        assertNothingStored();
    }

    @Test
    void aBadPathIdIs404NotA500() {
        assertProblem(api().get("/api/v1/sample-mentors/does-not-exist"), 404, "not-found");
    }

    private void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    private void assertNothingStored() {
        assertThat(mongo.count(Query.query(Criteria.where("studentId").is(student)), SampleMentor.class)).isZero();
    }
}
