package dev.vouch.testsupport;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Vouch service promises about errors on its API port: whichever layer raises one (Tomcat, the
 * security firewall, Spring MVC, the kit), it is problem+json with a stable type. A service's test extends it,
 * adds {@link VouchServiceTest} and names one of its JSON POST endpoints and one read. Requests go byte for
 * byte over a socket, as a hostile client would send them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ErrorResponsesContract {

    static final String TOKEN = TestTokens.student("med-school", "student-errors");
    static final String AUTH = "\r\nAuthorization: Bearer " + TOKEN;
    static final String PROBLEMS = "https://vouch.dev/problems/";

    @LocalServerPort
    protected int port;

    /** A path that takes a JSON body by POST. */
    protected abstract String postPath();

    /** A list a student may read by GET (it answers 200, so the 406 comes from content negotiation). */
    protected abstract String readPath();

    /** A JSON body {@link #postPath()} would accept. */
    protected abstract String validBody();

    /** One case: what, request head (line and headers), body, status and type expected. */
    protected record Probe(String what, String head, String body, int status, String type) {
        @Override
        public String toString() {
            return what;
        }
    }

    protected List<Probe> probes() {
        String read = readPath();
        String post = postPath();
        return List.of(
                new Probe("unknown path", "GET /no/such/path HTTP/1.1", null, 404, "not-found"),
                new Probe("unknown api path", "GET /api/v1/no-such-thing HTTP/1.1" + AUTH, null, 404, "not-found"),
                new Probe("method not allowed", "PUT " + post + " HTTP/1.1" + AUTH + "\r\nContent-Type: application/json",
                        validBody(), 405, "method-not-allowed"),
                new Probe("unsupported media type", "POST " + post + " HTTP/1.1" + AUTH + "\r\nContent-Type: text/plain",
                        "name=x", 415, "unsupported-media-type"),
                new Probe("not acceptable", "GET " + read + " HTTP/1.1" + AUTH + "\r\nAccept: application/xml", null, 406,
                        "not-acceptable"),
                new Probe("malformed json", "POST " + post + " HTTP/1.1" + AUTH + "\r\nContent-Type: application/json",
                        "{\"name\":", 400, "malformed-body"),
                new Probe("no token", "GET " + read + " HTTP/1.1", null, 401, "unauthorized"),
                new Probe("bad token", "GET " + read + " HTTP/1.1\r\nAuthorization: Bearer not-a-jwt", null, 401,
                        "unauthorized"),
                new Probe("no role", "GET " + read + " HTTP/1.1\r\nAuthorization: Bearer "
                        + TestTokens.token("med-school", "s-1"), null, 403, "forbidden"),
                new Probe("encoded slash", "GET " + read + "/a%2Fb HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("encoded NUL", "GET " + read + "/a%00b HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("encoded backslash", "GET " + read + "/a%5Cb HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("encoded dot segment", "GET " + read + "/%2e%2e/x HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("semicolon", "GET " + read + "/a;b HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("braces", "GET " + read + "/{} HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("raw space", "GET " + read + "/a b HTTP/1.1" + AUTH, null, 400, "rejected-request"),
                new Probe("too long uri", "GET " + read + "/" + "x".repeat(10_000) + " HTTP/1.1" + AUTH, null, 400,
                        "rejected-request"),
                new Probe("too long headers", "GET " + read + " HTTP/1.1" + AUTH + "\r\nX-Big: " + "y".repeat(10_000),
                        null, 400, "rejected-request"),
                new Probe("body too large", "POST " + post + " HTTP/1.1" + AUTH + "\r\nContent-Type: application/json",
                        "{\"name\":\"" + "x".repeat(70_000) + "\"}", 413, "body-too-large"));
    }

    Stream<Arguments> cases() {
        return probes().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersProblemJsonWithAStableType(Probe probe) {
        RawHttp.Response response = RawHttp.send(port, probe.head(), probe.body());
        assertThat(response.status()).as(response.toString()).isEqualTo(probe.status());
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(probe.status());
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + probe.type());
        assertThat(problem.get("title").asString()).isNotBlank();
    }
}
