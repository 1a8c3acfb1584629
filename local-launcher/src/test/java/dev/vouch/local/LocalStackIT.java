package dev.vouch.local;

import dev.vouch.local.deploy.MetricNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product through HTTP, as a newcomer would use the local stack: the launcher starts a real Kafka
 * broker, the file-backed Mongo server and the three services' runnable jars; the test then tells the story of
 * one letter, from token to resolved reminder, and restarts the stack to show the data survives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static String[] args;
    static LocalStack stack;
    static String mentorId;

    @BeforeAll
    static void start() {
        List<String> flags = new ArrayList<>(List.of(
                "--data-dir=" + dataDir,
                "--services-dir=" + Path.of("target", "services").toAbsolutePath(),
                "--service-arg=--vouch.reminders.scheduler.interval=PT1S",
                "--service-arg=--vouch.outbox.sweep-interval=PT2S"));
        for (String flag : List.of("kafka-port", "kafka-controller-port", "mongo-port", "mentor-port", "mentor-management-port",
                "request-port", "request-management-port", "reminder-port", "reminder-management-port", "launcher-port")) {
            flags.add("--" + flag + "=" + Ports.any());
        }
        args = flags.toArray(String[]::new);
        stack = LocalStack.start(LocalOptions.parse(args, Map.of()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aLetterDueInFiveDaysRaisesADeadlineReminderThatSubmittingResolves() {
        String mentors = stack.apiUrl("mentor-service");
        String letters = stack.apiUrl("request-service");
        String reminders = stack.apiUrl("reminder-service");
        String token = DemoStudent.token(mentors, "story-school", "story-student", "STUDENT");

        JsonNode mentor = call("POST", mentors + "/api/v1/mentors", token,
                "{\"name\":\"Dr. Ana Rivera\",\"relationship\":\"CLINICIAN_SHADOWED\",\"specialty\":\"Internal Medicine\"}", 201);
        mentorId = mentor.get("id").asString();
        call("POST", mentors + "/api/v1/mentors/" + mentorId + "/contacts", token,
                "{\"type\":\"MEETING\",\"occurredAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}", 201);

        Instant deadline = Instant.now().plus(5, ChronoUnit.DAYS);
        HttpResponse<String> created = send("POST", letters + "/api/v1/letters", token, "{\"mentorId\":\"" + mentorId
                + "\",\"purpose\":\"RESIDENCY\",\"targets\":[\"MGH Internal Medicine\"],\"deadline\":\"" + deadline
                + "\",\"waiverSigned\":true,\"materials\":[\"CV\",\"PERSONAL_STATEMENT\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String letterId = JSON.readTree(created.body()).get("id").asString();
        String etag = created.headers().firstValue("ETag").orElseThrow();

        // The 7-day threshold has passed already: the reminder fires at the scheduler's next tick.
        JsonNode reminder = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadlineReminder(reminders, token, letterId), found -> found != null && found.get("due").asBoolean());
        assertThat(reminder.get("state").asString()).isEqualTo("OPEN");
        assertThat(reminder.get("title").asString() + " " + reminder.get("message").asString()).contains("Rivera");
        String reminderId = reminder.get("id").asString();
        ConsumerRecord<String, byte[]> announced = awaitRecord("vouch.reminders", reminderId, "dev.vouch.DeadlineApproaching.v1");
        assertThat(announced.key()).isEqualTo("story-student");
        assertThat(new String(announced.value())).contains(letterId);

        HttpResponse<String> submitted = send("POST", letters + "/api/v1/letters/" + letterId + "/status", token,
                "{\"status\":\"SUBMITTED\"}", Map.of("If-Match", etag));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadlineReminder(reminders, token, letterId, "RESOLVED"), found -> found != null);
        ConsumerRecord<String, byte[]> resolved = awaitRecord("vouch.reminders", reminderId, "dev.vouch.ReminderResolved.v1");
        assertThat(new String(resolved.value())).contains("CONDITION_CLEARED");
    }

    /** Reads a topic from the beginning, as a subscriber would, until a record of the type about the subject arrives. */
    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String subject, String ceType) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "story-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().filter(r -> subject.equals(header(r, "ce_subject")) && ceType.equals(header(r, "ce_type")))
                        .findFirst().orElse(null);
            }, found -> found != null);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }

    @Test
    @Order(2)
    void everyMetricTheDashboardAndAlertsUseIsExposed() throws Exception {
        // A record no service can read: the dead-letter series exist only once something was dead-lettered.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("vouch.letters", "story-student", "not an event".getBytes())).get();
        }
        List<String> services = List.of("mentor-service", "request-service", "reminder-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape(services).contains("vouch_events_dead_letters_total"));

        Set<String> exposed = MetricNames.exposedIn(List.of(scrape(services)));
        Set<String> used = MetricNames.usedBy(Path.of("..").toAbsolutePath().normalize());
        assertThat(used).isNotEmpty();
        assertThat(used).as("metrics the dashboard and alerts use but no service exposes")
                .allMatch(exposed::contains, "exposed by a running service");
    }

    private static String scrape(List<String> services) {
        StringBuilder all = new StringBuilder();
        for (String service : services) {
            all.append(send("GET", stack.managementUrl(service) + "/actuator/prometheus", null, null).body()).append('\n');
        }
        return all.toString();
    }

    private static String bootstrapServers() {
        for (String arg : args) {
            if (arg.startsWith("--kafka-port=")) {
                return "localhost:" + arg.substring("--kafka-port=".length());
            }
        }
        throw new IllegalStateException("no Kafka port");
    }

    @Test
    @Order(3)
    void dataSurvivesARestart() {
        stack.close();
        stack = LocalStack.start(LocalOptions.parse(args, Map.of()));
        String mentors = stack.apiUrl("mentor-service");
        String token = DemoStudent.token(mentors, "story-school", "story-student", "STUDENT");
        JsonNode mentor = call("GET", mentors + "/api/v1/mentors/" + mentorId, token, null, 200);
        assertThat(mentor.get("name").asString()).isEqualTo("Dr. Ana Rivera");
    }

    private static JsonNode deadlineReminder(String api, String token, String letterId) {
        return deadlineReminder(api, token, letterId, null);
    }

    private static JsonNode deadlineReminder(String api, String token, String letterId, String state) {
        JsonNode page = call("GET", api + "/api/v1/reminders?size=100&upcoming=true" + (state == null ? "" : "&state=" + state), token, null, 200);
        for (JsonNode item : page.get("items")) {
            if ("DEADLINE_APPROACHING".equals(item.get("kind").asString()) && letterId.equals(item.path("letterId").asString())) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode call(String method, String url, String token, String body, int expected) {
        HttpResponse<String> response = send(method, url, token, body);
        assertThat(response.statusCode()).as(method + " " + url + " -> " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) {
        return send(method, url, token, body, Map.of());
    }

    private static HttpResponse<String> send(String method, String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
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
