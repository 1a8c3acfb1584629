package dev.vouch.kit.sample;

import dev.vouch.testsupport.RawHttp;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the API port answers, whichever layer raises it (Tomcat, the security firewall, Spring MVC, the
 * kit), is problem+json with a stable type. Sent byte for byte, as a hostile client would.
 */
@VouchServiceTest
class HttpErrorsIT {

    static final String TOKEN = TestTokens.student("med-school", "s-errors");
    static final String AUTH = "\r\nAuthorization: Bearer " + TOKEN;
    static final String JSON_BODY = "{\"name\":\"Dr. Ana Rivera\",\"relationship\":\"FACULTY\"}";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("unknown path", "GET /no/such/path HTTP/1.1", null, 404, "not-found"),
                Arguments.of("unknown api path", "GET /api/v1/no-such-thing HTTP/1.1" + AUTH, null, 404, "not-found"),
                Arguments.of("method not allowed", "DELETE /api/v1/sample-mentors HTTP/1.1" + AUTH, null, 405,
                        "method-not-allowed"),
                Arguments.of("unsupported media type", "POST /api/v1/sample-mentors HTTP/1.1" + AUTH
                        + "\r\nContent-Type: text/plain", "name=x", 415, "unsupported-media-type"),
                Arguments.of("not acceptable", "POST /api/v1/sample-mentors HTTP/1.1" + AUTH
                        + "\r\nContent-Type: application/json\r\nAccept: application/xml", JSON_BODY, 406, "not-acceptable"),
                Arguments.of("malformed json", "POST /api/v1/sample-mentors HTTP/1.1" + AUTH
                        + "\r\nContent-Type: application/json", "{\"name\":", 400, "malformed-body"),
                Arguments.of("no token", "GET /api/v1/sample-mentors/x HTTP/1.1", null, 401, "unauthorized"),
                Arguments.of("no role", "GET /api/v1/sample-mentors/x HTTP/1.1\r\nAuthorization: Bearer "
                        + TestTokens.token("med-school", "s-1"), null, 403, "forbidden"),
                Arguments.of("encoded slash", "GET /api/v1/sample-mentors/a%2Fb HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("encoded NUL", "GET /api/v1/sample-mentors/a%00b HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("encoded backslash", "GET /api/v1/sample-mentors/a%5Cb HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("encoded dot segment", "GET /api/v1/sample-mentors/%2e%2e/x HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("semicolon", "GET /api/v1/sample-mentors/a;b HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("braces", "GET /api/v1/sample-mentors/{} HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("raw space", "GET /api/v1/sample mentors HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                Arguments.of("too long uri", "GET /api/v1/sample-mentors/" + "x".repeat(10_000) + " HTTP/1.1" + AUTH,
                        null, 400, "rejected-request"),
                Arguments.of("too long header", "GET /api/v1/sample-mentors/x HTTP/1.1" + AUTH + "\r\nX-Big: "
                        + "y".repeat(10_000), null, 400, "rejected-request"),
                Arguments.of("body too large", "POST /api/v1/sample-mentors HTTP/1.1" + AUTH
                        + "\r\nContent-Type: application/json", "{\"name\":\"" + "x".repeat(70_000) + "\"}", 413,
                        "body-too-large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void answersProblemJsonWithAStableType(String what, String head, String body, int status, String type) {
        RawHttp.Response response = RawHttp.send(port, head, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("type").asString()).isEqualTo("https://vouch.dev/problems/" + type);
    }

    @Test
    void aBodyForAClientThatAcceptsNoJsonIsRefusedBeforeAnythingIsStored() {
        long before = stored();
        RawHttp.Response response = RawHttp.send(port, "POST /api/v1/sample-mentors HTTP/1.1" + AUTH
                + "\r\nContent-Type: application/json\r\nAccept: application/xml, text/html", JSON_BODY);
        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(before);
        assertThat(RawHttp.send(port, "POST /api/v1/sample-mentors HTTP/1.1" + AUTH
                + "\r\nContent-Type: application/json\r\nAccept: application/xml;q=0.9, */*;q=0.1", JSON_BODY).status())
                .isEqualTo(201);
        assertThat(stored()).isEqualTo(before + 1);
    }

    private long stored() {
        return mongo.count(Query.query(Criteria.where("studentId").is("s-errors")), SampleMentor.class);
    }
}
