package dev.vouch.reminder;

import dev.vouch.events.LetterAccepted;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.Topics;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.testsupport.EventProbe.keyed;
import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The reminder API over real HTTP, with reminders derived from events on the real broker. */
@ReminderServiceTest
class ReminderApiIT {

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
    String tenant;
    String student;
    String mentor;
    String letter;
    ApiClient api;

    /** A student with one letter due in 5 days, fired: its 7-day threshold and the short-notice flag are due. */
    @BeforeEach
    void aStudentWithDueReminders() {
        tenant = "school-" + UUID.randomUUID();
        student = "student-" + UUID.randomUUID();
        mentor = UUID.randomUUID().toString();
        letter = UUID.randomUUID().toString();
        api = new ApiClient(port).as(TestTokens.student(tenant, student));
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        new StudentStream(kafka, clock, tenant, student, group)
                .send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(letter, mentor, clock.instant().plus(days(5)), clock.instant(), BOTH))
                .awaitApplied();
        scheduler.fireDue();
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void theListIsTheStudentsOwnSortedByDueTimeFilteredAndPaged() {
        JsonNode all = api.get("/api/v1/reminders?upcoming=true").json();
        List<String> dueTimes = new ArrayList<>();
        all.get("items").forEach(item -> dueTimes.add(item.get("dueAt").asString()));
        assertThat(dueTimes).isSorted();
        assertThat(all.get("total").asInt()).isEqualTo(all.get("items").size());
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(20);

        JsonNode dueNow = api.get("/api/v1/reminders?state=OPEN&dueBefore=" + clock.instant().plusSeconds(1)).json();
        assertThat(ids(dueNow)).containsExactlyInAnyOrder(threshold(7), "ASK_EARLY:" + letter + ":short-notice");
        dueNow.get("items").forEach(item -> assertThat(item.get("due").asBoolean()).isTrue());

        JsonNode secondPage = api.get("/api/v1/reminders?size=2&page=1&upcoming=true").json();
        assertThat(secondPage.get("items")).hasSize(2);
        assertThat(secondPage.get("total").asInt()).isEqualTo(all.get("total").asInt());
        assertThat(ids(secondPage)).containsExactly(ids(all).get(2), ids(all).get(3));

        assertThat(ids(api.get("/api/v1/reminders?state=DONE&state=DISMISSED").json())).isEmpty();
        JsonNode byDefault = api.get("/api/v1/reminders").json();
        assertThat(ids(byDefault)).as("what is due, by default").containsExactlyInAnyOrderElementsOf(ids(dueNow));
        assertThat(all.get("items").valueStream().filter(item -> !item.get("due").asBoolean()))
                .isNotEmpty().allSatisfy(item -> assertThat(item.get("state").asString()).isEqualTo("UPCOMING"));
        assertThat(ids(new ApiClient(port).as(TestTokens.student(tenant, "someone-else")).get("/api/v1/reminders").json()))
                .isEmpty();
    }

    @Test
    void doneAndDismissClosePublishAndCannotBeRepeated() {
        ApiClient.Response done = api.post("/api/v1/reminders/" + threshold(7) + "/done", "");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("DONE");
        assertThat(done.header("ETag")).isNotBlank();
        ReminderResolved resolved = (ReminderResolved) EventProbe.decode(probe.await(keyed(student)
                .and(ofType("dev.vouch.ReminderResolved.v1")), 1).get(0)).payload();
        assertThat(resolved).isEqualTo(new ReminderResolved(threshold(7),
                dev.vouch.events.ReminderKind.DEADLINE_APPROACHING, ReminderResolution.DONE));

        ApiClient.Response again = api.post("/api/v1/reminders/" + threshold(7) + "/dismiss", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("currentState").asString()).isEqualTo("DONE");

        ApiClient.Response dismissed = api.post("/api/v1/reminders/ASK_EARLY:" + letter + ":short-notice/dismiss", "");
        assertThat(dismissed.json().get("state").asString()).isEqualTo("DISMISSED");
        assertThat(ids(api.get("/api/v1/reminders?state=DONE&state=DISMISSED").json())).hasSize(2);
    }

    @Test
    void aSnoozedReminderFiresAgainWhenTheSnoozeEnds() {
        ApiClient.Response past = api.post("/api/v1/reminders/" + threshold(7) + "/snooze",
                "{\"until\":\"" + clock.instant().minusSeconds(60) + "\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("until");
        assertThat(api.post("/api/v1/reminders/" + threshold(7) + "/snooze", "{}").json()
                .get("errors").get(0).get("field").asString()).isEqualTo("until");
        assertThat(api.post("/api/v1/reminders/" + threshold(7) + "/snooze", "{\"until\":\"tomorrow\"}").json()
                .get("errors").get(0).get("field").asString()).isEqualTo("until");

        Instant until = clock.instant().plus(Duration.ofHours(20));
        ApiClient.Response snoozed = api.post("/api/v1/reminders/" + threshold(7) + "/snooze", "{\"until\":\"" + until + "\"}");
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
        assertThat(snoozed.json().get("state").asString()).isEqualTo("SNOOZED");
        assertThat(snoozed.json().get("snoozedUntil").asString()).isEqualTo(until.toString());
        int firedBefore = probe.await(keyed(student).and(ofType("dev.vouch.ReminderDue.v1")), 2).size();

        clock.advance(Duration.ofHours(21));
        scheduler.fireDue();

        assertThat(probe.await(keyed(student).and(ofType("dev.vouch.ReminderDue.v1")), firedBefore + 1))
                .hasSize(firedBefore + 1);
        JsonNode open = api.get("/api/v1/reminders?state=OPEN").json();
        assertThat(ids(open)).contains(threshold(7));
    }

    @Test
    void onlyDueRemindersOfTheStudentCanBeActedOn() {
        ApiClient.Response comingUp = api.post("/api/v1/reminders/" + threshold(3) + "/done", "");
        assertThat(comingUp.status()).isEqualTo(409);
        assertThat(comingUp.json().get("currentState").asString()).isEqualTo("UPCOMING");
        assertThat(comingUp.json().get("due").asBoolean()).isFalse();

        assertThat(new ApiClient(port).as(TestTokens.student(tenant, "someone-else"))
                .post("/api/v1/reminders/" + threshold(7) + "/done", "").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/reminders/DEADLINE_APPROACHING:nope:7/done", "").status()).isEqualTo(404);
        assertThat(api.withHeader("If-Match", "\"999\"").post("/api/v1/reminders/" + threshold(7) + "/done", "").status())
                .isEqualTo(412);
        assertThat(api.get("/api/v1/reminders?size=500").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reminders?state=LOST").status()).isEqualTo(400);
    }

    @Test
    void anAdvisorReadsAStudentOfTheirInstitutionButCannotActForThem() {
        ApiClient advisor = new ApiClient(port).as(TestTokens.advisor(tenant, "advisor-1"));

        assertThat(ids(advisor.get("/api/v1/reminders?studentId=" + student).json())).contains(threshold(7));
        assertThat(advisor.post("/api/v1/reminders/" + threshold(7) + "/done?studentId=" + student, "").status())
                .isEqualTo(403);
        assertThat(ids(new ApiClient(port).as(TestTokens.advisor("other-school", "advisor-2"))
                .get("/api/v1/reminders?studentId=" + student).json())).isEmpty();
    }

    @Test
    void advisorsSeeTheirInstitutionsStudentsAtRisk() {
        String calm = "student-" + UUID.randomUUID();
        String calmMentor = UUID.randomUUID().toString();
        new StudentStream(kafka, clock, tenant, calm, group)
                .send(mentorAdded(calmMentor, "Dr. Chen", 90))
                .send(requested(UUID.randomUUID().toString(), calmMentor, clock.instant().plus(days(60)), clock.instant(), Set.of()))
                .awaitApplied();
        String overdueLetter = UUID.randomUUID().toString();
        new StudentStream(kafka, clock, tenant, student, group)
                .send(requested(overdueLetter, mentor, clock.instant().minus(days(1)), clock.instant().minus(days(20)), BOTH))
                .send(new LetterAccepted(overdueLetter, mentor))
                .awaitApplied();

        ApiClient.Response report = new ApiClient(port).as(TestTokens.advisor(tenant, "advisor-1")).get("/api/v1/advisor/at-risk");

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode students = report.json().get("students");
        assertThat(students).hasSize(1);
        JsonNode atRisk = students.get(0);
        assertThat(atRisk.get("studentId").asString()).isEqualTo(student);
        assertThat(atRisk.get("dueSoon").get(0).get("letterId").asString()).isEqualTo(letter);
        assertThat(atRisk.get("dueSoon").get(0).get("mentorName").asString()).isEqualTo("Dr. Rivera");
        assertThat(atRisk.get("overdue").get(0).get("letterId").asString()).isEqualTo(overdueLetter);

        assertThat(api.get("/api/v1/advisor/at-risk").status()).isEqualTo(403);
        assertThat(new ApiClient(port).as(TestTokens.advisor("other-school", "a")).get("/api/v1/advisor/at-risk").json()
                .get("students")).isEmpty();
    }

    private String threshold(int days) {
        return "DEADLINE_APPROACHING:" + letter + ":" + days;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
