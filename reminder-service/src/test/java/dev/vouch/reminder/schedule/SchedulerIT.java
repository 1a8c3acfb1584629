package dev.vouch.reminder.schedule;

import dev.vouch.events.ReminderDue;
import dev.vouch.events.Topics;
import dev.vouch.reminder.ReminderServiceTest;
import dev.vouch.reminder.StudentStream;
import dev.vouch.reminder.derivation.Judgement;
import dev.vouch.reminder.rules.ReminderRules;
import dev.vouch.reminder.store.MongoDerivationStore;
import dev.vouch.reminder.store.ProjectionStore;
import dev.vouch.reminder.store.ReminderSchedule;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import com.mongodb.client.model.Filters;
import dev.vouch.reminder.store.Reminder;
import dev.vouch.reminder.store.ReminderMetrics;
import dev.vouch.reminder.lifecycle.ReminderState;
import dev.vouch.reminder.store.ReminderStore;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.testsupport.EventProbe.keyed;
import static dev.vouch.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several scheduler instances on one store: each due reminder fires exactly once. */
@ReminderServiceTest
class SchedulerIT {

    static final int LETTERS = 24;

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    ReminderSchedule schedule;
    @Autowired
    ReminderRules rules;
    @Autowired
    ProjectionStore projections;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CatchUpGate gate;
    @Autowired
    ReminderMetrics metrics;
    @Autowired
    ReminderStore store;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final EventProbe probe = new EventProbe(Topics.REMINDERS);
    String student;
    List<String> letters;

    /** Letters two days from their deadline: each has its 3-day threshold and a short-notice flag due at once. */
    @BeforeEach
    void lettersDueAtOnce() {
        await().atMost(Duration.ofSeconds(30)).until(gate::isOpen);
        student = "student-" + UUID.randomUUID();
        String mentor = UUID.randomUUID().toString();
        StudentStream stream = new StudentStream(kafka, clock, "lakeside", student, group)
                .send(mentorAdded(mentor, "Dr. Rivera", 365));
        letters = new ArrayList<>();
        for (int i = 0; i < LETTERS; i++) {
            String letter = UUID.randomUUID().toString();
            letters.add(letter);
            stream.send(requested(letter, mentor, clock.instant().plus(days(2)), clock.instant(), BOTH));
        }
        stream.awaitApplied();
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void twoSchedulersOnOneStoreFireEachDueReminderExactlyOnce() throws Exception {
        DueReminderScheduler first = instance("scheduler-a");
        DueReminderScheduler second = instance("scheduler-b");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (DueReminderScheduler scheduler : List.of(first, second)) {
                runs.add(threads.submit((Callable<Integer>) () -> {
                    start.await();
                    return scheduler.fireDue() + scheduler.fireDue();
                }));
            }
            start.countDown();
            int fired = 0;
            for (Future<Integer> run : runs) {
                fired += run.get();
            }
            // Other test classes share this store: their due reminders may fire here too. Ours are checked below.
            assertThat(fired).isGreaterThanOrEqualTo(2 * LETTERS);
        } finally {
            threads.shutdownNow();
        }

        List<String> expected = new ArrayList<>();
        letters.forEach(letter -> {
            expected.add(ReminderIds.deadline(letter, 3));
            expected.add("ASK_EARLY:" + letter + ":short-notice");
        });
        probe.await(keyed(student).and(ofType("dev.vouch.ReminderDue.v1")), expected.size());
        List<ConsumerRecord<String, byte[]>> due = probe.upToEnd(keyed(student).and(ofType("dev.vouch.ReminderDue.v1")));
        assertThat(due).extracting(record -> ((ReminderDue) EventProbe.decode(record).payload()).reminderId())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(probe.upToEnd(keyed(student).and(ofType("dev.vouch.DeadlineApproaching.v1"))))
                .hasSize(LETTERS);
        Map<String, Reminder> stored = store.find(expected);
        assertThat(stored).hasSize(expected.size());
        assertThat(stored.values()).extracting(Reminder::getState).containsOnly(ReminderState.OPEN);
        assertThat(stored.values()).extracting(Reminder::getVersion).as("one write per firing")
                .allMatch(version -> version <= 2);
        letters.forEach(letter -> assertThat(fireAt(ReminderIds.letterSubject(letter)))
                .as("next: the 1-day threshold").isEqualTo(clock.instant().plus(days(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    @Test
    void aCrashedInstancesLeaseExpiresAndAnotherTakesOver() {
        List<ReminderSchedule.Claim> crashed = schedule.claimBatch(clock.instant(), 1000, "crashed", Duration.ofMinutes(1))
                .claims();
        Set<String> ours = Set.copyOf(letters.stream().map(ReminderIds::letterSubject).toList());
        assertThat(crashed).extracting(ReminderSchedule.Claim::subject).containsAll(ours);

        DueReminderScheduler survivor = instance("survivor");
        survivor.fireDue();
        assertThat(store.find(ReminderIds.deadline(letters.get(0), 3))).as("leased: left alone").isNull();

        clock.advance(Duration.ofMinutes(2));
        survivor.fireDue();

        assertThat(store.find(ReminderIds.deadline(letters.get(0), 3)).getState()).isEqualTo(ReminderState.OPEN);
        assertThat(probe.await(keyed(student).and(ofType("dev.vouch.ReminderDue.v1")), 2 * LETTERS)).hasSize(2 * LETTERS);
    }

    /** Another scheduler instance against the same store, wired as the service wires its own. */
    private DueReminderScheduler instance(String owner) {
        Judgement judgement = new Judgement(rules, new MongoDerivationStore(projections, store, schedule, 0));
        return new DueReminderScheduler(schedule, judgement, gate::isOpen, metrics, clock, owner, 5, Duration.ofMinutes(1));
    }

    private java.time.Instant fireAt(String subject) {
        Document entry = mongo.getCollection(ReminderSchedule.COLLECTION).find(Filters.eq("_id", subject)).first();
        return entry == null ? null : entry.getDate("fireAt").toInstant();
    }
}
