package dev.vouch.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story against the school's identity provider: a real Keycloak (the server distribution, with the repository's
 * realm file unchanged) and the local stack started with {@code --issuer-uri}, so the services trust Keycloak's
 * tokens only. Every token here comes from Keycloak's own endpoints.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REALM = "vouch";

    @TempDir
    static Path dataDir;

    static KeycloakServer keycloak;
    static LocalStack stack;
    static String mentors;
    static String letters;
    static String reminders;
    static String samToken;
    static String samId;
    static String mentorId;
    static String letterId;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.start(List.of(Path.of("..", "deploy", "keycloak", "vouch-realm.json"),
                Path.of("src", "test", "resources", "keycloak", "elsewhere-realm.json")));
        List<String> flags = new ArrayList<>(List.of(
                "--data-dir=" + dataDir,
                "--services-dir=" + Path.of("target", "services").toAbsolutePath(),
                "--issuer-uri=" + keycloak.issuer(REALM),
                // The expiry check below waits for a 1-second token to lapse; the default 30 s of skew would make it 31.
                "--service-arg=--vouch.security.clock-skew=PT0S"));
        for (String flag : List.of("kafka-port", "kafka-controller-port", "mongo-port", "mentor-port", "mentor-management-port",
                "request-port", "request-management-port", "reminder-port", "reminder-management-port")) {
            flags.add("--" + flag + "=" + Ports.any());
        }
        // The services start while Keycloak does: they fetch its keys at the first call.
        try {
            stack = LocalStack.start(LocalOptions.parse(flags.toArray(String[]::new), Map.of()));
            keycloak.awaitReady(REALM, Duration.ofMinutes(4));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        mentors = stack.apiUrl("mentor-service");
        letters = stack.apiUrl("request-service");
        reminders = stack.apiUrl("reminder-service");
        samToken = keycloak.passwordToken(REALM, "vouch-cli", "sam.student", "student");
        samId = claims(samToken).get("sub").asString();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void theStackTrustsTheIssuerOnlyAndSaysHowToGetItsTokens() {
        for (String api : List.of(mentors, letters, reminders)) {
            assertThat(send("GET", api + "/dev/token?tenant=demo-school&sub=x&roles=ADVISOR", null, null).statusCode())
                    .as("/dev/token of " + api).isEqualTo(404);
        }
        String banner = stack.banner(Duration.ZERO);
        assertThat(banner).contains(keycloak.issuer(REALM) + "/protocol/openid-connect/token")
                .contains("grant_type=password").doesNotContain("/dev/token?");
        assertThat(claims(samToken).get("iss").asString()).isEqualTo(keycloak.issuer(REALM));
        assertThat(claims(samToken).get("tenant").asString()).isEqualTo("demo-school");
    }

    @Test
    @Order(2)
    void aStudentCreatesAndReadsTheirOwnMentorsAndLetters() {
        JsonNode mentor = call("POST", mentors + "/api/v1/mentors", samToken,
                "{\"name\":\"Dr. Ana Rivera\",\"relationship\":\"CLINICIAN_SHADOWED\"}", 201);
        mentorId = mentor.get("id").asString();
        assertThat(call("GET", mentors + "/api/v1/mentors/" + mentorId, samToken, null, 200).get("name").asString())
                .isEqualTo("Dr. Ana Rivera");

        Instant deadline = Instant.now().plus(5, ChronoUnit.DAYS);
        String request = "{\"mentorId\":\"" + mentorId + "\",\"purpose\":\"RESIDENCY\",\"targets\":[\"MGH Internal Medicine\"],"
                + "\"deadline\":\"" + deadline + "\",\"waiverSigned\":true,\"materials\":[\"CV\"]}";
        // 422 (and nothing stored) until request-service has read the MentorAdded from the stream.
        HttpResponse<String> created = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> send("POST", letters + "/api/v1/letters", samToken, request), r -> r.statusCode() != 422);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        letterId = JSON.readTree(created.body()).get("id").asString();
        assertThat(call("GET", letters + "/api/v1/letters/" + letterId, samToken, null, 200).get("mentorId").asString())
                .isEqualTo(mentorId);
    }

    @Test
    @Order(3)
    void aStudentOfAnotherTenantGets404() {
        String olga = keycloak.passwordToken(REALM, "vouch-cli", "olga.other", "student");
        assertThat(claims(olga).get("tenant").asString()).isEqualTo("other-school");
        assertThat(send("GET", mentors + "/api/v1/mentors/" + mentorId, olga, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", letters + "/api/v1/letters/" + letterId, olga, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void anAdvisorReadsAStudentOfHerTenantAndTheAtRiskView() {
        String ada = keycloak.passwordToken(REALM, "vouch-cli", "ada.advisor", "advisor");
        assertThat(call("GET", mentors + "/api/v1/mentors/" + mentorId + "?studentId=" + samId, ada, null, 200)
                .get("name").asString()).isEqualTo("Dr. Ana Rivera");
        assertThat(call("GET", letters + "/api/v1/letters/" + letterId + "?studentId=" + samId, ada, null, 200)
                .get("id").asString()).isEqualTo(letterId);
        // The letter due in 5 days reaches the at-risk view once reminder-service has read the stream.
        JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> call("GET", reminders + "/api/v1/advisor/at-risk", ada, null, 200),
                        found -> found.get("students").valueStream().anyMatch(s -> samId.equals(s.get("studentId").asString())));
        assertThat(report.get("tenant").asString()).isEqualTo("demo-school");
    }

    @Test
    @Order(5)
    void aStudentGets403OnAdvisorViews() {
        HttpResponse<String> atRisk = send("GET", reminders + "/api/v1/advisor/at-risk", samToken, null);
        assertThat(atRisk.statusCode()).isEqualTo(403);
        assertThat(atRisk.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> otherStudent = send("GET", mentors + "/api/v1/mentors?studentId=someone-else", samToken, null);
        assertThat(otherStudent.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void theVouchApiClientTokenIsAuthenticatedAndRefusedByRole() {
        String integration = keycloak.clientToken(REALM, "vouch-api", "vouch-api-demo-secret");
        assertThat(claims(integration).get("roles").valueStream().map(JsonNode::asString)).contains("INTEGRATION");
        for (HttpResponse<String> response : List.of(
                send("GET", mentors + "/api/v1/mentors", integration, null),
                send("POST", mentors + "/api/v1/mentors", integration, "{\"name\":\"Dr. X\",\"relationship\":\"FACULTY\"}"),
                send("GET", reminders + "/api/v1/advisor/at-risk", integration, null))) {
            assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).doesNotContain("invalid_token");
        }
    }

    @Test
    @Order(7)
    void tokensOfAnotherRealmAndOfTheMasterRealmGet401() {
        String elsewhere = keycloak.passwordToken("elsewhere", "vouch-cli", "sam.student", "student");
        assertThat(claims(elsewhere).get("tenant").asString()).isEqualTo("demo-school");
        assertThat(claims(elsewhere).get("aud").toString()).contains("vouch-api");
        for (String token : List.of(elsewhere, keycloak.adminToken())) {
            HttpResponse<String> response = send("GET", mentors + "/api/v1/mentors/" + mentorId, token, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        }
    }

    @Test
    @Order(8)
    void anHs256TokenSignedWithTheRealmsPublicKeyGets401() throws Exception {
        JsonNode key = keycloak.jwks(REALM).get("keys").valueStream()
                .filter(k -> "RSA".equals(k.get("kty").asString()) && "sig".equals(k.path("use").asString())).findFirst().orElseThrow();
        byte[] publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asString())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asString())))).getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey) + "\n-----END PUBLIC KEY-----\n";
        // Sam's real claims, re-signed with HMAC: a decoder that let the token choose its algorithm would accept it.
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.get("kid").asString() + "\"}");
        String payload = samToken.split("\\.")[1];
        for (byte[] secret : List.of(pem.getBytes(StandardCharsets.US_ASCII), publicKey)) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String forged = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            assertThat(send("GET", mentors + "/api/v1/mentors/" + mentorId, forged, null).statusCode()).isEqualTo(401);
        }
        assertThat(send("GET", mentors + "/api/v1/mentors/" + mentorId, samToken, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void anExpiredTokenGets401() {
        // A one-second token lifespan for the developer client; the services run with vouch.security.clock-skew=0.
        keycloak.setClientAttribute(REALM, "vouch-cli", "access.token.lifespan", "1");
        String shortLived = keycloak.passwordToken(REALM, "vouch-cli", "sam.student", "student");
        JsonNode claims = claims(shortLived);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(1);
        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> send("GET", mentors + "/api/v1/mentors/" + mentorId, shortLived, null), r -> r.statusCode() != 200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token").contains("expired");
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's claims, read without checking it: the services do the checking. */
    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static JsonNode call(String method, String url, String token, String body, int expected) {
        HttpResponse<String> response = send(method, url, token, body);
        assertThat(response.statusCode()).as(method + " " + url + " -> " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
