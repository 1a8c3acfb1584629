package dev.vouch.local;

import dev.vouch.local.Rehearsal.Student;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.vouch.local.Rehearsal.DEADLINE_APPROACHING;
import static dev.vouch.local.Rehearsal.eventIdsBySubject;
import static dev.vouch.local.Rehearsal.figures;
import static dev.vouch.local.Rehearsal.header;
import static dev.vouch.local.Rehearsal.readAll;
import static dev.vouch.local.Rehearsal.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults rehearsed against the real processes of the local stack (the launcher's Kafka broker and store in this
 * JVM, the services as child processes, reminder-service twice in one consumer group): duplicates, a poison
 * record, a service killed mid-burst, two instances sharing the work, a rebuild while letters keep arriving.
 * Each scenario counts exactly: every effect there once, nothing lost, nothing twice. The crash of the whole
 * stack is {@link StackCrashIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultRehearsalIT {

    private static final Duration SETTLE = Duration.ofSeconds(180);
    private static final List<String> REMINDER_TOPICS = List.of("vouch.mentors", "vouch.letters", "vouch.reminders");

    /** Kept when a scenario fails: the services' logs are in its logs folder. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    static LocalStack stack;
    static String bootstrap;
    static int kafkaPort;
    static int mongoPort;
    static int launcherPort;
    static final ExecutorService clients = Executors.newFixedThreadPool(8);
    /** Every student the scenarios created, with the letters acknowledged for each. */
    static final Map<Student, List<String>> lettersOf = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        kafkaPort = Ports.any();
        mongoPort = Ports.any();
        launcherPort = Ports.any();
        List<String> flags = new ArrayList<>(List.of(
                "--data-dir=" + dataDir,
                "--services-dir=" + Path.of("target", "services").toAbsolutePath(),
                "--kafka-port=" + kafkaPort, "--mongo-port=" + mongoPort, "--launcher-port=" + launcherPort,
                "--instances=reminder-service=2",
                "--service-arg=--vouch.reminders.scheduler.interval=PT1S",
                "--service-arg=--vouch.outbox.sweep-interval=PT2S"));
        for (String flag : List.of("kafka-controller-port", "mentor-port", "mentor-management-port",
                "request-port", "request-management-port", "reminder-port", "reminder-management-port")) {
            flags.add("--" + flag + "=" + Ports.any());
        }
        stack = LocalStack.start(LocalOptions.parse(flags.toArray(String[]::new), Map.of()));
        bootstrap = "localhost:" + kafkaPort;
    }

    @AfterAll
    static void stop() {
        clients.shutdownNow();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyEventDeliveredTwiceChangesNothing() throws Exception {
        List<Student> students = students("twice", 3);
        burst(students, 3, () -> { });
        awaitEachLetterFiredOnce(students);
        awaitNoLag();
        Map<String, JsonNode> before = allReminders(students);
        Set<String> keys = students.stream().map(Student::id).collect(Collectors.toSet());

        long started = System.nanoTime();
        int redelivered = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String topic : REMINDER_TOPICS) {
                for (ConsumerRecord<String, byte[]> record : readAll(bootstrap, topic)) {
                    if (keys.contains(record.key())) {
                        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers())).get();
                        redelivered++;
                    }
                }
            }
        }
        awaitNoLag();

        assertThat(allReminders(students)).as("every reminder as it was: ids, states, firedAt").isEqualTo(before);
        assertDeadlineAnnouncedOnce(students);
        assertThat(deadLettersAbout(keys)).as("nothing dead-lettered").isZero();
        figures("every event delivered twice", redelivered + " records re-delivered (identical key, headers, value), "
                + before.size() + " reminders unchanged, settled in " + seconds(started));
    }

    @Test
    @Order(2)
    void aPoisonRecordAndAnUnknownTypeDoNotHoldBackTheGoodEventBehindThem() throws Exception {
        Student student = students("poison", 1).get(0);
        String mentorId = student.addMentor("Dr. Poison Control");
        assertThat(mentorId).isNotNull();
        ConsumerRecord<String, byte[]> model = readAll(bootstrap, "vouch.letters").stream()
                .filter(r -> Rehearsal.LETTER_REQUESTED.equals(header(r, "ce_type"))).findFirst().orElseThrow();
        String unknownId = UUID.randomUUID().toString();
        String unknownType = "dev.vouch.LetterTeleported.v1";
        RecordHeaders unknownHeaders = new RecordHeaders();
        model.headers().forEach(h -> unknownHeaders.add(switch (h.key()) {
            case "ce_id" -> new RecordHeader("ce_id", unknownId.getBytes(StandardCharsets.UTF_8));
            case "ce_type" -> new RecordHeader("ce_type", unknownType.getBytes(StandardCharsets.UTF_8));
            default -> h;
        }));
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>("vouch.letters", student.id(), "not an event".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>("vouch.letters", null, student.id(), model.value(), unknownHeaders)).get();
        }
        // The good event: the same student's key, so the same partition, behind both.
        String letterId = student.requestLetter(mentorId, "Behind the poison");
        assertThat(letterId).isNotNull();
        lettersOf.put(student, List.of(letterId));
        awaitEachLetterFiredOnce(List.of(student));
        awaitNoLag();

        List<ConsumerRecord<String, byte[]>> deadLetters = readAll(bootstrap, "vouch.letters-dlt").stream()
                .filter(r -> student.id().equals(r.key())).toList();
        for (String group : List.of("mentor-service", "reminder-service")) {
            long poison = deadLetters.stream().filter(r -> group.equals(header(r, "kafka_dlt-original-consumer-group"))
                    && "not an event".equals(new String(r.value(), StandardCharsets.UTF_8))).count();
            assertThat(poison).as("the poison record dead-lettered once by " + group).isEqualTo(1);
            // An unknown type is either dead-lettered or skipped and counted: exactly one of the two, once.
            long unknownDeadLettered = deadLetters.stream().filter(r -> group.equals(header(r, "kafka_dlt-original-consumer-group"))
                    && unknownId.equals(header(r, "ce_id"))).count();
            double unknownSkipped = stack.instancesOf(group).stream().mapToDouble(s -> Rehearsal.metric(
                    "http://localhost:" + s.spec().managementPort(), "vouch_events_consumed_total",
                    line -> line.contains("type=\"unknown\"") && line.contains("outcome=\"skipped\""))).sum();
            assertThat(unknownDeadLettered + unknownSkipped).as("the unknown type handled once by " + group).isEqualTo(1);
        }
        assertDeadlineAnnouncedOnce(List.of(student));
        figures("poison record and unknown type ahead of a good event", "good event handled and its reminder fired once in "
                + seconds(started) + "; poison dead-lettered once per consuming group (2), " + deadLetters.size()
                + " dead letters for the student in all");
    }

    @Test
    @Order(3)
    void killingReminderServiceMidBurstFiresEveryDueReminderExactlyOnce() throws Exception {
        List<Student> students = students("killed", 20);
        long[] killedAt = new long[1];
        long started = System.nanoTime();
        List<ServiceProcess> reminders = stack.instancesOf("reminder-service");
        burst(students, 10, () -> {
            reminders.forEach(r -> ProcessHandle.of(r.pid()).ifPresent(ProcessHandle::destroyForcibly)); // kill -9
            killedAt[0] = System.nanoTime();
        });
        assertThat(killedAt[0]).as("killed mid-burst").isPositive();
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> reminders.stream().allMatch(r -> r.state() == ServiceProcess.State.UP && r.restarts() > 0));
        String restarted = seconds(killedAt[0]);
        int letters = awaitEachLetterFiredOnce(students);
        String recovered = seconds(killedAt[0]);
        awaitNoLag();
        assertDeadlineAnnouncedOnce(students);
        assertThat(letters).isEqualTo(200);
        figures("kill -9 of reminder-service mid-burst", letters + " letters for " + students.size()
                + " students, each deadline reminder fired exactly once; both instances killed, restarted by the launcher in "
                + restarted + ", every reminder fired " + recovered + " after the kill (burst and all: " + seconds(started) + ")");
    }

    @Test
    @Order(4)
    void twoInstancesInOneGroupShareTheWorkAndFireEachReminderOnce() throws Exception {
        List<ServiceProcess> reminders = stack.instancesOf("reminder-service");
        assertThat(reminders).hasSize(2);
        Map<String, Double> consumedBefore = consumed(reminders);
        Map<String, Double> firedBefore = fired(reminders);
        List<Student> students = students("pair", 30);
        long started = System.nanoTime();
        burst(students, 10, () -> { });
        int letters = awaitEachLetterFiredOnce(students);
        awaitNoLag();
        assertDeadlineAnnouncedOnce(students);
        assertThat(letters).isEqualTo(300);
        Map<String, Double> consumed = consumed(reminders);
        Map<String, Double> fired = fired(reminders);
        consumed.forEach((id, count) -> assertThat(count - consumedBefore.get(id)).as(id + " consumed events").isPositive());
        double firedTotal = fired.keySet().stream().mapToDouble(id -> fired.get(id) - firedBefore.get(id)).sum();
        assertThat(firedTotal).as("deadline reminders fired by the two instances together").isEqualTo(300);
        figures("two reminder-service instances", letters + " letters for " + students.size() + " students in " + seconds(started)
                + "; events consumed per instance " + delta(consumed, consumedBefore) + ", deadline reminders fired per instance "
                + delta(fired, firedBefore) + ", each exactly once");
    }

    @Test
    @Order(5)
    void aRebuildWhileLettersKeepArrivingEndsEqualToTheLiveState() throws Exception {
        awaitNoLag();
        List<Student> before = new ArrayList<>(lettersOf.keySet());
        Map<String, JsonNode> live = allReminders(before);
        List<ConsumerRecord<String, byte[]>> announcedBefore = readAll(bootstrap, "vouch.reminders");
        Collection<String> liveIds = live.keySet();
        long liveRecords = announcedBefore.stream().filter(r -> liveIds.contains(header(r, "ce_subject"))).count();

        List<Student> arriving = students("arriving", 5);
        Map<Student, String> mentors = new HashMap<>();
        arriving.forEach(s -> mentors.put(s, s.addMentor("Dr. " + s.id())));
        arriving.forEach(s -> lettersOf.put(s, java.util.Collections.synchronizedList(new ArrayList<>())));
        // Letters keep arriving, two a second, during the whole rebuild and a little after it.
        AtomicInteger written = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        arrivals.scheduleAtFixedRate(() -> {
            int i = written.get();
            Student student = arriving.get(i % arriving.size());
            String letterId = student.requestLetter(mentors.get(student), "Arriving " + i);
            if (letterId == null) {
                failures.add("letter " + i + " of " + student.id());
            } else {
                lettersOf.get(student).add(letterId);
            }
            written.incrementAndGet();
        }, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        int exit = LocalOptions.commandLine(new LocalCommand(), Map.of()).execute("--kafka-port=" + kafkaPort,
                "--mongo-port=" + mongoPort, "--launcher-port=" + launcherPort, "rebuild", "reminder-service");
        String rebuildTook = seconds(started);
        int duringRebuild = written.get();
        int until = duringRebuild + 10;
        await().atMost(SETTLE).until(() -> written.get() >= until);
        arrivals.shutdown();
        assertThat(arrivals.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(exit).isZero();
        assertThat(failures).as("letters refused while the rebuild ran").isEmpty();
        int newLetters = awaitEachLetterFiredOnce(arriving);
        awaitNoLag();
        String caughtUp = seconds(started);

        assertThat(allReminders(before)).as("rebuilt reminders equal the live ones: ids, kinds, states, firedAt").isEqualTo(live);
        long recordsNow = readAll(bootstrap, "vouch.reminders").stream().filter(r -> liveIds.contains(header(r, "ce_subject"))).count();
        assertThat(recordsNow).as("nothing already published is published again").isEqualTo(liveRecords);
        assertDeadlineAnnouncedOnce(arriving);
        long replayed = REMINDER_TOPICS.stream().mapToLong(t -> readAll(bootstrap, t).size()).sum();
        figures("rebuild while letters keep arriving", "rebuild command " + rebuildTook + ", caught up " + caughtUp + " after it began; "
                + replayed + " records replayed, " + live.size() + " reminders of " + before.size() + " students equal to the live run, "
                + newLetters + " letters written meanwhile (" + duringRebuild + " during the rebuild command) each fired exactly once");
    }

    // --- the steps the scenarios share ---

    private static List<Student> students(String prefix, int count) {
        String tenant = prefix + "-school";
        return IntStream.range(0, count).mapToObj(i -> Student.of(tenant, prefix + "-student-" + i,
                stack.apiUrl("mentor-service"), stack.apiUrl("request-service"), stack.apiUrl("reminder-service"))).toList();
    }

    /** One mentor per student, then {@code perStudent} letters each, eight at a time; {@code midway} runs when half are acknowledged. */
    private static void burst(List<Student> students, int perStudent, Runnable midway) throws Exception {
        Map<Student, String> mentors = new ConcurrentHashMap<>();
        List<Future<?>> adding = new ArrayList<>();
        for (Student student : students) {
            adding.add(clients.submit(() -> mentors.put(student, student.addMentor("Dr. " + student.id()))));
        }
        for (Future<?> future : adding) {
            future.get();
        }
        int total = students.size() * perStudent;
        AtomicInteger acknowledged = new AtomicInteger();
        List<Future<?>> requests = new ArrayList<>();
        for (Student student : students) {
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            lettersOf.put(student, ids);
            for (int i = 0; i < perStudent; i++) {
                int n = i;
                requests.add(clients.submit(() -> {
                    String id = student.requestLetter(mentors.get(student), "Program " + n);
                    assertThat(id).as("letter " + n + " of " + student.id()).isNotNull();
                    ids.add(id);
                    if (acknowledged.incrementAndGet() == total / 2) {
                        midway.run();
                    }
                }));
            }
        }
        for (Future<?> future : requests) {
            future.get();
        }
    }

    /** Waits until every letter of the students has its one deadline reminder fired; answers how many letters. */
    private static int awaitEachLetterFiredOnce(List<Student> students) {
        int letters = students.stream().mapToInt(s -> lettersOf.get(s).size()).sum();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> firedDeadlineReminders(students).size() == letters);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Letters without a fired deadline reminder: " + whereAreThey(students), e);
        }
        Map<String, Long> perLetter = firedDeadlineReminders(students).stream()
                .collect(Collectors.groupingBy(r -> r.get("letterId").asString(), Collectors.counting()));
        assertThat(perLetter.keySet()).as("every letter has a fired deadline reminder")
                .containsExactlyInAnyOrderElementsOf(students.stream().flatMap(s -> lettersOf.get(s).stream()).toList());
        assertThat(perLetter.values()).as("one per letter").allMatch(n -> n == 1);
        return letters;
    }

    /** For a failure message: where each letter without its reminder is in reminder-service's store. */
    private static String whereAreThey(List<Student> students) {
        Set<String> fired = firedDeadlineReminders(students).stream().map(r -> r.get("letterId").asString()).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder();
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create("mongodb://localhost:" + mongoPort)) {
            var db = client.getDatabase("vouch_reminders");
            for (Student student : students) {
                for (String letter : lettersOf.get(student)) {
                    if (fired.contains(letter)) {
                        continue;
                    }
                    out.append("\n  ").append(student.id()).append(' ').append(letter)
                            .append(" projection=").append(db.getCollection("letters").countDocuments(new org.bson.Document("_id", letter)))
                            .append(" reminders=").append(db.getCollection("reminders").countDocuments(new org.bson.Document("letterId", letter)))
                            .append(" schedule=").append(db.getCollection("reminder_schedule").countDocuments(new org.bson.Document("_id", "letter:" + letter)))
                            .append(" inStudents=").append(db.getCollection("students").countDocuments(new org.bson.Document("letterIds", letter)));
                }
            }
        }
        return out.toString();
    }

    private static List<JsonNode> firedDeadlineReminders(List<Student> students) {
        return students.stream().flatMap(s -> s.reminders().values().stream())
                .filter(r -> "DEADLINE_APPROACHING".equals(r.get("kind").asString()) && r.hasNonNull("firedAt")).toList();
    }

    /** The students' deadline reminders were each announced with exactly one event id. */
    private static void assertDeadlineAnnouncedOnce(List<Student> students) {
        List<String> reminderIds = firedDeadlineReminders(students).stream().map(r -> r.get("id").asString()).toList();
        Map<String, Set<String>> announced = eventIdsBySubject(readAll(bootstrap, "vouch.reminders"), DEADLINE_APPROACHING, reminderIds);
        assertThat(announced.keySet()).containsExactlyInAnyOrderElementsOf(reminderIds);
        assertThat(announced).as("each announced with one event id").allSatisfy((id, eventIds) -> assertThat(eventIds).hasSize(1));
    }

    private static Map<String, JsonNode> allReminders(List<Student> students) {
        Map<String, JsonNode> all = new TreeMap<>();
        for (Student student : students) {
            student.reminders().forEach((id, reminder) -> {
                // What a rebuild must restore; the API's version and computed fields may differ by design.
                all.put(id, Rehearsal.JSON.createObjectNode()
                        .put("kind", reminder.get("kind").asString())
                        .put("state", reminder.get("state").asString())
                        .put("letterId", reminder.path("letterId").asString())
                        .put("dueAt", reminder.path("dueAt").asString())
                        .put("firedAt", reminder.path("firedAt").asString())
                        .put("closedAt", reminder.path("closedAt").asString()));
            });
        }
        return all;
    }

    private static void awaitNoLag() {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() ->
                Rehearsal.lag(bootstrap, "reminder-service", REMINDER_TOPICS) == 0
                        && Rehearsal.lag(bootstrap, "mentor-service", List.of("vouch.letters")) == 0
                        && Rehearsal.lag(bootstrap, "request-service", List.of("vouch.mentors")) == 0);
    }

    private static long deadLettersAbout(Set<String> keys) {
        return REMINDER_TOPICS.stream().mapToLong(t -> readAll(bootstrap, t + "-dlt").stream()
                .filter(r -> keys.contains(r.key())).count()).sum();
    }

    private static Map<String, Double> consumed(List<ServiceProcess> instances) {
        return perInstance(instances, "vouch_events_consumed_total", line -> line.contains("type=\"LetterRequested\""));
    }

    private static Map<String, Double> fired(List<ServiceProcess> instances) {
        return perInstance(instances, "vouch_reminders_fired_total", line -> line.contains("kind=\"DEADLINE_APPROACHING\""));
    }

    private static Map<String, Double> perInstance(List<ServiceProcess> instances, String metric, java.util.function.Predicate<String> labels) {
        Map<String, Double> values = new TreeMap<>();
        instances.forEach(s -> values.put(s.spec().id(), Rehearsal.metric("http://localhost:" + s.spec().managementPort(), metric, labels)));
        return values;
    }

    private static Map<String, Long> delta(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((id, value) -> delta.put(id, Math.round(value - before.get(id))));
        return delta;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer());
    }
}
