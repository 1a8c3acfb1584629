package dev.vouch.reminder;

import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.ErrorResponsesContract;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.UUID;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every error of the reminder API port as problem+json with a stable type, conflicts included. */
@ReminderServiceTest
class ErrorResponsesIT extends ErrorResponsesContract {

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

    @Override
    protected String postPath() {
        return "/api/v1/reminders/some-reminder/snooze";
    }

    @Override
    protected String readPath() {
        return "/api/v1/reminders";
    }

    @Override
    protected String validBody() {
        return "{\"until\":\"" + clock.instant().plus(Duration.ofHours(20)) + "\"}";
    }

    @Test
    void conflictsAreProblemJsonWithTheirTypes() {
        String tenant = "school-" + UUID.randomUUID();
        String student = "student-" + UUID.randomUUID();
        String letter = UUID.randomUUID().toString();
        String mentor = UUID.randomUUID().toString();
        ApiClient api = new ApiClient(port).as(TestTokens.student(tenant, student));
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        new StudentStream(kafka, clock, tenant, student, group)
                .send(mentorAdded(mentor, "Dr. Rivera", 90))
                .send(requested(letter, mentor, clock.instant().plus(days(5)), clock.instant(), BOTH))
                .awaitApplied();
        scheduler.fireDue();
        String path = "/api/v1/reminders/DEADLINE_APPROACHING:" + letter + ":7";

        assertProblem(api.withHeader("If-Match", "\"99\"").post(path + "/done", ""), 412, "stale-version");
        assertThat(api.post(path + "/done", "").status()).isEqualTo(200);
        assertProblem(api.post(path + "/dismiss", ""), 409, "reminder-closed");
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://vouch.dev/problems/" + type);
    }
}
