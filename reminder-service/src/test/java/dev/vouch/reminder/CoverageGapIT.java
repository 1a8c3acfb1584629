package dev.vouch.reminder;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.TargetCoverageChanged;
import dev.vouch.events.Topics;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.vouch.testsupport.EventProbe.keyed;
import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** COVERAGE_GAP from the target events request-service publishes, through the real broker and Mongo server. */
@ReminderServiceTest
class CoverageGapIT {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    DueReminderScheduler scheduler;
    @Autowired
    CatchUpGate gate;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final EventProbe probe = new EventProbe(Topics.REMINDERS);
    StudentStream stream;
    ApiClient api;

    @BeforeEach
    void student() {
        String student = "student-" + UUID.randomUUID();
        stream = new StudentStream(kafka, clock, "lakeside", student, group);
        api = new ApiClient(port).as(TestTokens.student("lakeside", student));
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aTargetThreeWeeksOutWithTwoLettersOnTrackYieldsOneCoverageGapThatResolvesWhenAThirdIsRequested() {
        String target = "t-" + UUID.randomUUID();
        String reminderId = ReminderIds.coverage(target, "TOO_FEW_ON_TRACK");
        Instant deadline = clock.instant().plus(Duration.ofDays(21));

        stream.send(coverage(target, deadline, List.of(tooFew(2)))).awaitApplied();
        scheduler.fireDue();

        List<ReminderDue> due = probe.await(keyed(stream.studentId()).and(ofType("dev.vouch.ReminderDue.v1")), 1)
                .stream().map(r -> (ReminderDue) EventProbe.decode(r).payload()).toList();
        assertThat(due).singleElement().satisfies(event -> {
            assertThat(event.reminderId()).isEqualTo(reminderId);
            assertThat(event.title()).isEqualTo("Lakeside Internal Medicine: 2 of 3 letters on track");
            assertThat(event.message()).contains("due in 21 days");
        });
        JsonNode item = item(reminderId);
        assertThat(item.get("kind").asString()).isEqualTo("COVERAGE_GAP");
        assertThat(item.get("due").asBoolean()).isTrue();

        // A third letter requested: request-service announces the target covered.
        stream.send(coverage(target, deadline, List.of())).awaitApplied();

        ReminderResolved resolved = (ReminderResolved) EventProbe.decode(probe.await(keyed(stream.studentId())
                .and(ofType("dev.vouch.ReminderResolved.v1")), 1).get(0)).payload();
        assertThat(resolved.reminderId()).isEqualTo(reminderId);
        assertThat(resolved.resolution()).isEqualTo(ReminderResolution.CONDITION_CLEARED);
        assertThat(item(reminderId).get("state").asString()).isEqualTo("RESOLVED");
        assertThat(probe.upToEnd(keyed(stream.studentId()).and(ofType("dev.vouch.ReminderDue.v1"))))
                .as("one COVERAGE_GAP, fired once").hasSize(1);
    }

    @Test
    void aGapWhoseDeadlineIsOutsideTheWindowWaitsAndTheAdvisorSeesItOnceInside() {
        String target = "t-" + UUID.randomUUID();
        Instant deadline = clock.instant().plus(Duration.ofDays(45));
        stream.send(coverage(target, deadline, List.of(tooFew(1),
                new CoverageGap(CoverageGapKind.REQUIRED_KIND_MISSING, dev.vouch.events.LetterKind.CHAIR, null, null, null))))
                .awaitApplied();
        scheduler.fireDue();
        assertThat(probe.upToEnd(keyed(stream.studentId()).and(ofType("dev.vouch.ReminderDue.v1")))).isEmpty();
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor("lakeside", "advisor-1"));
        assertThat(advisor.get("/api/v1/advisor/at-risk").body()).doesNotContain(target);

        clock.advance(Duration.ofDays(16));
        scheduler.fireDue();

        assertThat(probe.await(keyed(stream.studentId()).and(ofType("dev.vouch.ReminderDue.v1")), 2)).hasSize(2);
        JsonNode report = advisor.get("/api/v1/advisor/at-risk").json();
        JsonNode student = report.get("students").valueStream()
                .filter(s -> s.get("studentId").asString().equals(stream.studentId())).findFirst().orElseThrow();
        assertThat(student.at("/coverageGaps/0/targetId").asString()).isEqualTo(target);
        assertThat(student.at("/coverageGaps/0/daysLeft").asLong()).isEqualTo(29);
        assertThat(student.at("/coverageGaps/0/gaps")).hasSize(2);
        String csv = advisor.withHeader("Accept", "text/csv").get("/api/v1/advisor/at-risk").body();
        assertThat(csv.lines().filter(line -> line.contains(target))).singleElement().satisfies(line ->
                assertThat(line).startsWith("COVERAGE_GAP," + stream.studentId()).contains("TOO_FEW_ON_TRACK 1/3"));
    }

    static TargetCoverageChanged coverage(String targetId, Instant deadline, List<CoverageGap> gaps) {
        return new TargetCoverageChanged(targetId, "Lakeside Internal Medicine", ApplicationSystem.ERAS, deadline, gaps);
    }

    static CoverageGap tooFew(int onTrack) {
        return new CoverageGap(CoverageGapKind.TOO_FEW_ON_TRACK, null, null, 3, onTrack);
    }

    /** Every state, closed ones and those coming up included (the list shows what is due by default). */
    static final String EVERY_STATE = "&state=UPCOMING&state=OPEN&state=SNOOZED&state=DONE&state=DISMISSED&state=RESOLVED";

    private JsonNode item(String id) {
        ApiClient.Response list = api.get("/api/v1/reminders?size=100" + EVERY_STATE);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode item : list.json().get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No reminder " + id + " in " + list.body());
    }
}
