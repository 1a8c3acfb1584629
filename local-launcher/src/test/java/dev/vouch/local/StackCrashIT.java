package dev.vouch.local;

import dev.vouch.local.Rehearsal.Student;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.vouch.local.Rehearsal.eventIdsBySubject;
import static dev.vouch.local.Rehearsal.figures;
import static dev.vouch.local.Rehearsal.readAll;
import static dev.vouch.local.Rehearsal.recordsAbout;
import static dev.vouch.local.Rehearsal.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the whole local stack right after a burst of acknowledged writes, then a restart on the same
 * data folder: the launcher runs as its own process here ({@code java -jar vouch-local.jar}), as a user starts it,
 * so that killing it takes Kafka, the store and (through their parent watch) the services down at once.
 */
class StackCrashIT {

    private static final Duration READY = Duration.ofSeconds(180);

    /** Kept when a scenario fails: the services' logs are in its logs folder. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    static List<String> args;
    static int kafkaPort;
    static int launcherPort;
    static Map<String, Integer> apiPorts;
    static Process launcher;
    static final ExecutorService clients = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void ports() {
        kafkaPort = Ports.any();
        launcherPort = Ports.any();
        apiPorts = Map.of("mentor", Ports.any(), "request", Ports.any(), "reminder", Ports.any());
        args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "vouch-local.jar").toAbsolutePath().toString(),
                "--data-dir=" + dataDir, "--kafka-port=" + kafkaPort, "--launcher-port=" + launcherPort,
                "--kafka-controller-port=" + Ports.any(), "--mongo-port=" + Ports.any(),
                "--service-arg=--vouch.reminders.scheduler.interval=PT1S",
                "--service-arg=--vouch.outbox.sweep-interval=PT2S"));
        apiPorts.forEach((service, port) -> {
            args.add("--" + service + "-port=" + port);
            args.add("--" + service + "-management-port=" + Ports.any());
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        clients.shutdownNow();
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy(); // SIGTERM: the launcher stops its services
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNineOfTheWholeStack() throws Exception {
        long firstStart = System.nanoTime();
        launcher = launch(1);
        String startup = seconds(firstStart);
        List<Student> students = IntStream.range(0, 10).mapToObj(i -> Student.of("crash-school", "crash-student-" + i,
                api("mentor"), api("request"), api("reminder"))).toList();

        // The burst: ten mentors, then thirty letters, eight requests at a time; kill -9 right after the last 201.
        List<String> mentors = Collections.synchronizedList(new ArrayList<>());
        List<String> letters = Collections.synchronizedList(new ArrayList<>());
        Map<Student, String> mentorOf = new java.util.concurrent.ConcurrentHashMap<>();
        all(students.stream().map(s -> clients.submit(() -> {
            String id = s.addMentor("Dr. " + s.id());
            assertThat(id).isNotNull();
            mentors.add(id);
            mentorOf.put(s, id);
        })).toList());
        Map<String, Student> studentOfLetter = new java.util.concurrent.ConcurrentHashMap<>();
        all(IntStream.range(0, 30).mapToObj(i -> clients.submit(() -> {
            Student student = students.get(i % students.size());
            String id = student.requestLetter(mentorOf.get(student), "Crash program " + i);
            assertThat(id).isNotNull();
            letters.add(id);
            studentOfLetter.put(id, student);
        })).toList());
        List<Long> services = servicePids();
        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing is closed
        long killed = System.nanoTime();
        launcher.waitFor();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> services.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        String servicesGone = seconds(killed);

        long restart = System.nanoTime();
        launcher = launch(2);
        String restarted = seconds(restart);

        for (Student student : students) {
            assertThat(student.mentorStatus(mentorOf.get(student))).as("mentor of " + student.id()).isEqualTo(200);
        }
        for (String letter : letters) {
            assertThat(studentOfLetter.get(letter).letterStatus(letter)).as("letter " + letter).isEqualTo(200);
        }
        String bootstrap = "localhost:" + kafkaPort;
        // Relayed at least once: a record may be there twice, but with one event id per acknowledged write.
        List<ConsumerRecord<String, byte[]>> mentorRecords = readAll(bootstrap, "vouch.mentors");
        Map<String, Set<String>> mentorEvents = eventIdsBySubject(mentorRecords, Rehearsal.MENTOR_ADDED, mentors);
        assertThat(mentorEvents.keySet()).containsExactlyInAnyOrderElementsOf(mentors);
        assertThat(mentorEvents).allSatisfy((id, eventIds) -> assertThat(eventIds).hasSize(1));
        List<ConsumerRecord<String, byte[]>> letterRecords = readAll(bootstrap, "vouch.letters");
        Map<String, Set<String>> letterEvents = eventIdsBySubject(letterRecords, Rehearsal.LETTER_REQUESTED, letters);
        assertThat(letterEvents.keySet()).containsExactlyInAnyOrderElementsOf(letters);
        assertThat(letterEvents).allSatisfy((id, eventIds) -> assertThat(eventIds).hasSize(1));

        // Every reminder the letters imply fires, once.
        await().atMost(READY).pollInterval(Duration.ofSeconds(1))
                .until(() -> students.stream().mapToInt(s -> s.firedDeadlineReminders().size()).sum() == letters.size());
        List<String> reminderIds = new ArrayList<>();
        for (Student student : students) {
            Map<String, JsonNode> fired = student.firedDeadlineReminders();
            List<JsonNode> deadlineReminders = student.reminders().values().stream()
                    .filter(r -> "DEADLINE_APPROACHING".equals(r.get("kind").asString()) && r.hasNonNull("firedAt")).toList();
            assertThat(deadlineReminders).as("one fired deadline reminder per letter of " + student.id()).hasSize(fired.size());
            fired.values().forEach(r -> reminderIds.add(r.get("id").asString()));
        }
        String allFired = seconds(restart);
        assertThat(reminderIds).hasSize(letters.size());
        Map<String, Set<String>> announced = eventIdsBySubject(readAll(bootstrap, "vouch.reminders"), Rehearsal.DEADLINE_APPROACHING, reminderIds);
        assertThat(announced.keySet()).containsExactlyInAnyOrderElementsOf(reminderIds);
        assertThat(announced).allSatisfy((id, eventIds) -> assertThat(eventIds).hasSize(1));

        long duplicates = recordsAbout(mentorRecords, Rehearsal.MENTOR_ADDED, mentors) - mentors.size()
                + recordsAbout(letterRecords, Rehearsal.LETTER_REQUESTED, letters) - letters.size();
        figures("kill -9 of the whole stack after a burst", mentors.size() + " mentors and " + letters.size()
                + " letters acknowledged, all readable after the restart, each event on its topic with one event id ("
                + duplicates + " records relayed twice); " + reminderIds.size() + " deadline reminders fired once each. "
                + "First start " + startup + "; services gone " + servicesGone + " after the kill; restart ready in "
                + restarted + "; every reminder fired " + allFired + " after the restart began");
    }

    private static Process launch(int run) throws IOException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("launcher-" + run + ".log").toFile()).start();
        await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the launcher runs; see " + dataDir.resolve("launcher-" + run + ".log")).isTrue();
            try {
                return Rehearsal.send("GET", "http://localhost:" + launcherPort + "/status", null, null).statusCode() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
        return process;
    }

    private static List<Long> servicePids() {
        HttpResponse<String> status = Rehearsal.send("GET", "http://localhost:" + launcherPort + "/status", null, null);
        List<Long> pids = new ArrayList<>();
        Rehearsal.JSON.readTree(status.body()).get("services").forEach(s -> pids.add(s.get("pid").asLong()));
        assertThat(pids).hasSize(3);
        return pids;
    }

    private static String api(String service) {
        return "http://localhost:" + apiPorts.get(service);
    }

    private static void all(List<? extends Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
