package dev.vouch.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault rehearsals do to the local stack from outside, as a client and a subscriber would: calls to
 * the services' APIs, reading a topic from its beginning to its current end, consumer lag, and the figures
 * each scenario prints.
 */
final class Rehearsal {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String LETTER_REQUESTED = "dev.vouch.LetterRequested.v1";
    static final String MENTOR_ADDED = "dev.vouch.MentorAdded.v1";
    static final String DEADLINE_APPROACHING = "dev.vouch.DeadlineApproaching.v1";
    static final List<String> ALL_STATES = List.of("OPEN", "SNOOZED", "DONE", "DISMISSED", "RESOLVED");

    private Rehearsal() {
    }

    /** A student of a school, with a token and the APIs' base addresses. */
    record Student(String tenant, String id, String token, String mentorApi, String letterApi, String reminderApi) {

        static Student of(String tenant, String id, String mentors, String letters, String reminders) {
            return new Student(tenant, id, DemoStudent.token(mentors, tenant, id, "STUDENT"), mentors, letters, reminders);
        }

        /** Adds a mentor; answers its id, or null if the service did not answer 201. */
        String addMentor(String name) {
            HttpResponse<String> created = send("POST", mentorApi + "/api/v1/mentors", token,
                    "{\"name\":\"" + name + "\",\"relationship\":\"CLINICIAN_SHADOWED\",\"specialty\":\"Internal Medicine\"}");
            return created.statusCode() == 201 ? JSON.readTree(created.body()).get("id").asString() : null;
        }

        /** Asks for a letter due in five days (its 7-day deadline reminder is due at once); its id, or null if not 201. */
        String requestLetter(String mentorId, String target) {
            Instant deadline = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> created = send("POST", letterApi + "/api/v1/letters", token, "{\"mentorId\":\"" + mentorId
                    + "\",\"purpose\":\"RESIDENCY\",\"targets\":[\"" + target + "\"],\"deadline\":\"" + deadline
                    + "\",\"waiverSigned\":true,\"materials\":[\"CV\",\"PERSONAL_STATEMENT\"]}");
            return created.statusCode() == 201 ? JSON.readTree(created.body()).get("id").asString() : null;
        }

        int mentorStatus(String mentorId) {
            return send("GET", mentorApi + "/api/v1/mentors/" + mentorId, token, null).statusCode();
        }

        int letterStatus(String letterId) {
            return send("GET", letterApi + "/api/v1/letters/" + letterId, token, null).statusCode();
        }

        /** Every reminder of the student, in every state, by id. */
        Map<String, JsonNode> reminders() {
            StringBuilder url = new StringBuilder(reminderApi + "/api/v1/reminders?size=100");
            ALL_STATES.forEach(state -> url.append("&state=").append(state));
            Map<String, JsonNode> byId = new TreeMap<>();
            for (int page = 0; ; page++) {
                HttpResponse<String> response = send("GET", url + "&page=" + page, token, null);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(response.body());
                body.get("items").forEach(item -> byId.put(item.get("id").asString(), item));
                if (byId.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                    return byId;
                }
            }
        }

        /** The fired deadline reminders of the student's letters: letter id to reminder. */
        Map<String, JsonNode> firedDeadlineReminders() {
            Map<String, JsonNode> byLetter = new HashMap<>();
            reminders().values().stream()
                    .filter(r -> "DEADLINE_APPROACHING".equals(r.get("kind").asString()) && r.hasNonNull("firedAt"))
                    .forEach(r -> byLetter.put(r.get("letterId").asString(), r));
            return byLetter;
        }
    }

    static HttpResponse<String> send(String method, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
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
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record a topic holds now, from its first offset to its current end. */
    static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading " + topic + " to its end").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Of the records of a type whose subject is among {@code subjects}: subject to the distinct event ids it was published with. */
    static Map<String, Set<String>> eventIdsBySubject(List<ConsumerRecord<String, byte[]>> records, String ceType,
                                                      Collection<String> subjects) {
        Set<String> wanted = new HashSet<>(subjects);
        return records.stream()
                .filter(r -> ceType.equals(header(r, "ce_type")) && wanted.contains(header(r, "ce_subject")))
                .collect(Collectors.groupingBy(r -> header(r, "ce_subject"), TreeMap::new,
                        Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet())));
    }

    /** Records of the topic that carry the subject (the same event may be there more than once). */
    static long recordsAbout(List<ConsumerRecord<String, byte[]>> records, String ceType, Collection<String> subjects) {
        Set<String> wanted = new HashSet<>(subjects);
        return records.stream().filter(r -> ceType.equals(header(r, "ce_type")) && wanted.contains(header(r, "ce_subject"))).count();
    }

    /** The consumer group's lag summed over the topics: 0 once it has committed everything they hold. */
    static long lag(String bootstrapServers, String group, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(t -> t.partitions()
                    .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            long lag = 0;
            for (var entry : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata offset = committed.get(entry.getKey());
                lag += entry.getValue().offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sum of a Prometheus counter's samples on a management port whose labels match. */
    static double metric(String managementUrl, String name, Predicate<String> labels) {
        String scrape = send("GET", managementUrl + "/actuator/prometheus", null, null).body();
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && labels.test(line)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** One figure line per scenario, in a form easy to find in the build's output. */
    static void figures(String scenario, String figures) {
        System.out.println("[fault rehearsal] " + scenario + ": " + figures);
    }

    static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
