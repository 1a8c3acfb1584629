package dev.vouch.reminder;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.TargetCoverageChanged;
import dev.vouch.events.ContactType;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
import dev.vouch.events.Topics;
import dev.vouch.reminder.store.Reminder;
import dev.vouch.kit.outbox.OutboxDocument;
import com.mongodb.client.model.Filters;
import org.springframework.data.mongodb.core.MongoTemplate;
import dev.vouch.reminder.store.ReminderStore;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.schedule.DueReminderScheduler;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchTestInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.testsupport.EventProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live run, then a rebuild: a second instance of the service with an empty database and a new consumer group
 * reads all three topics from offset 0, at the same clock time. It must arrive at the same reminders (ids,
 * kinds, states, due times), visible through its API, and publish nothing: what was fired and resolved live is
 * known from {@code vouch.reminders} and is not announced again.
 */
@ReminderServiceTest
class ReplayIT {

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
    @Autowired
    ReminderStore store;
    @Autowired
    ReminderRules rules;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final EventProbe probe = new EventProbe(Topics.REMINDERS);
    ConfigurableApplicationContext rebuilt;

    @AfterEach
    void close() {
        probe.close();
        if (rebuilt != null) {
            rebuilt.close();
        }
    }

    @Test
    void rebuildingFromOffsetZeroGivesTheSameRemindersAndAnnouncesNothingAgain() {
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        String student = "student-" + UUID.randomUUID();
        ApiClient live = new ApiClient(port).as(TestTokens.student("lakeside", student));
        List<String> subjects = liveStory(new StudentStream(kafka, clock, "lakeside", student, group), live);
        List<String> ids = new ArrayList<>();
        subjects.forEach(subject -> ids.addAll(rules.reminderIds(subject)));
        await().atMost(Duration.ofSeconds(20)).until(() -> allPublished(mongo, ids));
        Map<String, String> expectedDocs = snapshot(store.find(ids));
        List<String> expectedList = list(live);
        assertThat(expectedDocs).hasSizeGreaterThanOrEqualTo(8);
        assertThat(String.join("\n", expectedDocs.values())).contains(" DONE ", " RESOLVED ", " SNOOZED ");
        int announcedLive = probe.await(keyed(student), 1).size();
        int announcedSettled = probe.upToEnd(keyed(student)).size();

        MutableClock sameTime = new MutableClock(clock.instant());
        rebuilt = new SpringApplicationBuilder(ReminderServiceApplication.class)
                .initializers(new VouchTestInitializer(),
                        context -> context.getBeanFactory().registerSingleton("clock", sameTime))
                .properties("server.port=0", "vouch.reminders.scheduler.enabled=false",
                        "vouch.reminders.metrics.open-refresh=PT1H")
                .run();
        ReminderStore rebuiltStore = rebuilt.getBean(ReminderStore.class);
        ApiClient rebuiltApi = new ApiClient(Integer.parseInt(rebuilt.getEnvironment().getProperty("local.server.port")))
                .as(TestTokens.student("lakeside", student));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(snapshot(rebuiltStore.find(ids))).isEqualTo(expectedDocs));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(list(rebuiltApi)).isEqualTo(expectedList));
        CatchUpGate rebuiltGate = rebuilt.getBean(CatchUpGate.class);
        await().atMost(Duration.ofSeconds(30)).until(rebuiltGate::isOpen);
        assertThat(rebuilt.getBean(DueReminderScheduler.class).fireDue()).as("nothing fires again").isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> allPublished(rebuilt.getBean(MongoTemplate.class), ids));
        assertThat(probe.upToEnd(keyed(student))).as("nothing is announced again")
                .hasSize(announcedSettled);
        assertThat(announcedSettled).isGreaterThanOrEqualTo(announcedLive);
        assertThat(snapshot(rebuiltStore.find(ids))).isEqualTo(expectedDocs);
    }

    /**
     * Fires, a student's DONE, clearings (materials, submission, a thank-you across topics), a new cycle of a
     * fired threshold (deadline moved later) and of stay-in-touch (a contact after it fired), and a snooze.
     */
    private List<String> liveStory(StudentStream stream, ApiClient live) {
        String riveraId = UUID.randomUUID().toString();
        String okaforId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String target = "t-" + UUID.randomUUID();
        Instant start = clock.instant();

        stream.send(mentorAdded(riveraId, "Dr. Rivera", 30))
                .send(mentorAdded(okaforId, "Dr. Okafor", 60))
                .send(requested(first, riveraId, start.plus(days(20)), start, Set.of(Material.TRANSCRIPT)))
                .send(requested(second, okaforId, start.plus(days(5)), start, BOTH))
                .send(coverage(target, start.plus(days(21)), tooFew(2)))
                .awaitApplied();
        scheduler.fireDue();

        clock.advance(days(2));
        scheduler.fireDue();
        assertThat(live.post("/api/v1/reminders/" + ReminderIds.deadline(second, 7) + "/done", "").status()).isEqualTo(200);
        stream.send(new LetterMaterialsShared(first, riveraId, BOTH)).awaitApplied();

        clock.advance(days(4));
        scheduler.fireDue();
        stream.send(new LetterAccepted(first, riveraId)).send(new LetterSubmitted(second, okaforId))
                .send(coverage(target, start.plus(days(21)), List.of())).awaitApplied();

        clock.advance(days(4));
        scheduler.fireDue();
        stream.send(contact(okaforId, ContactType.THANK_YOU, clock.instant()))
                .send(new LetterDeadlineChanged(first, riveraId, start.plus(days(20)), start.plus(days(40))))
                .awaitApplied();

        clock.advance(days(22));
        scheduler.fireDue();
        stream.send(contact(riveraId, ContactType.CALL, clock.instant())).awaitApplied();
        scheduler.fireDue();
        String putOff = ReminderIds.deadline(first, 14);
        assertThat(live.post("/api/v1/reminders/" + putOff + "/snooze",
                "{\"until\":\"" + clock.instant().plus(days(1)) + "\"}").status()).isEqualTo(200);
        return List.of(ReminderIds.letterSubject(first), ReminderIds.letterSubject(second),
                ReminderIds.mentorSubject(riveraId), ReminderIds.mentorSubject(okaforId),
                ReminderIds.targetSubject(target));
    }

    static TargetCoverageChanged coverage(String targetId, Instant deadline, List<CoverageGap> gaps) {
        return new TargetCoverageChanged(targetId, "Lakeside Internal Medicine", ApplicationSystem.ERAS, deadline, gaps);
    }

    static List<CoverageGap> tooFew(int onTrack) {
        return List.of(new CoverageGap(CoverageGapKind.TOO_FEW_ON_TRACK, null, null, 3, onTrack));
    }

    /** No reminder of these ids holds an event its outbox relay has not published yet. */
    private static boolean allPublished(MongoTemplate mongo, List<String> ids) {
        return mongo.getCollection(Reminder.COLLECTION).countDocuments(Filters.and(Filters.in("_id", ids),
                Filters.exists(OutboxDocument.PENDING_EVENTS + ".0"))) == 0;
    }

    private static Map<String, String> snapshot(Map<String, Reminder> reminders) {
        Map<String, String> snapshot = new TreeMap<>();
        reminders.values().forEach(r -> snapshot.put(r.getId(), r.getKind() + " " + r.getState() + " due " + r.getDueAt()
                + " fired " + r.getFiredAt() + " next " + r.nextFireAt()));
        return snapshot;
    }

    private static List<String> list(ApiClient api) {
        ApiClient.Response page = api.get("/api/v1/reminders?size=100");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        for (JsonNode item : page.json().get("items")) {
            items.add(item.get("id").asString() + " " + item.get("kind").asString() + " " + item.get("state").asString()
                    + " due=" + item.get("due").asBoolean() + " " + item.get("dueAt").asString());
        }
        return items;
    }
}
