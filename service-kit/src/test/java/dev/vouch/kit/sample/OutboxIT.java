package dev.vouch.kit.sample;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.OutboxRelay;
import dev.vouch.kit.outbox.OutboxSweeper;
import dev.vouch.testsupport.MutableClock;
import java.time.Clock;
import dev.vouch.kit.outbox.OutboxDocument;
import dev.vouch.kit.outbox.PendingEvent;
import org.bson.Document;
import java.util.Arrays;
import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.ConsumerGroups;
import dev.vouch.testsupport.EventProbe;
import dev.vouch.testsupport.TestTokens;
import dev.vouch.testsupport.VouchServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Executors;
import dev.vouch.kit.messaging.EventPublisher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.vouch.testsupport.EventProbe.header;
import static dev.vouch.testsupport.EventProbe.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@VouchServiceTest
class OutboxIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EventFactory events;
    @Autowired
    EventOutbox outbox;
    @Autowired
    MentorTally tally;
    @Autowired
    Environment environment;
    @Autowired
    Clock clock;
    @Autowired
    EventPublisher publisher;

    final EventProbe probe = new EventProbe(Topics.MENTORS);

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void oneWritePublishesExactlyOneCloudEventKeyedByStudent() {
        String student = "student-" + UUID.randomUUID();
        ApiClient api = new ApiClient(port).as(TestTokens.student("med-school", student));

        ApiClient.Response created = api.post("/api/v1/sample-mentors",
                "{\"name\":\"Dr. Ana Rivera\",\"relationship\":\"CLINICIAN_SHADOWED\"}");
        assertThat(created.status()).isEqualTo(201);
        String mentorId = created.json().get("id").asString();

        ConsumerRecord<String, byte[]> record = probe.await(keyed(student), 1).get(0);
        assertThat(header(record, "ce_type")).isEqualTo("dev.vouch.MentorAdded.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/vouch/sample-service");
        assertThat(header(record, "ce_subject")).isEqualTo(mentorId);
        assertThat(header(record, "ce_tenant")).isEqualTo("med-school");
        assertThat(header(record, "ce_studentid")).isEqualTo(student);
        assertThat(header(record, "ce_sequence")).isEqualTo("1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        EventEnvelope<VouchEvent> event = EventProbe.decode(record);
        assertThat(event.payload()).isInstanceOfSatisfying(MentorAdded.class, added -> {
            assertThat(added.mentorId()).isEqualTo(mentorId);
            assertThat(added.name()).isEqualTo("Dr. Ana Rivera");
        });

        // Exactly one: the document's outbox is emptied and a sweep publishes nothing more.
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOf(mentorId).isEmpty());
        relay.sweep();
        assertThat(probe.upToEnd(keyed(student))).hasSize(1);
    }

    @Test
    void aRelayThatDiesAfterSendingRepublishesAndTheConsumerAppliesTheEffectOnce() {
        String student = "student-" + UUID.randomUUID();
        String mentorId = UUID.randomUUID().toString();
        SampleMentor mentor = new SampleMentor(mentorId, "med-school", student, "Dr. Sam Okafor");
        PendingEvent pending = PendingEvent.of(events.envelope(new MentorAdded(mentorId, "Dr. Sam Okafor", null, null,
                null, MentorRelationship.RESEARCH_PI, null, 90), "med-school", student, 1));
        insertWithPending(mentor, pending); // written as the outbox writes, without the publish that follows

        relay.send("sample_mentors", mentorId); // sent ... and the process dies before removing it
        await().atMost(Duration.ofSeconds(20)).until(() -> tally.count(mentorId) == 1);
        assertThat(pendingOf(mentorId)).hasSize(1);

        int republished = relay.publish("sample_mentors", mentorId); // the sweep after a restart
        assertThat(republished).isEqualTo(1);
        assertThat(pendingOf(mentorId)).isEmpty();

        List<ConsumerRecord<String, byte[]>> delivered = probe.await(keyed(student), 2);
        assertThat(delivered).extracting(r -> header(r, "ce_id")).containsOnly(pending.eventId());
        // The duplicate reached the consumer (its id is marked) and changed nothing.
        String group = environment.getProperty("spring.kafka.consumer.group-id");
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.stream().allMatch(r -> ConsumerGroups.hasConsumed(group, r)));
        assertThat(tally.count(mentorId)).isEqualTo(1);
    }

    @Test
    void aChangeSavedAfterTheRelayRemovedEarlierEventsAppendsOnlyItsOwn() {
        String student = "student-" + UUID.randomUUID();
        String mentorId = UUID.randomUUID().toString();
        SampleMentor mentor = new SampleMentor(mentorId, "med-school", student, "Dr. Sam Okafor");
        PendingEvent added = PendingEvent.of(events.envelope(new MentorAdded(mentorId, "Dr. Sam Okafor", null, null,
                null, MentorRelationship.RESEARCH_PI, null, 90), "med-school", student, 1));
        insertWithPending(mentor, added);
        SampleMentor readBeforeRelay = mongo.findById(mentorId, SampleMentor.class);
        assertThat(readBeforeRelay.getVersion()).isEqualTo(1);
        relay.publish("sample_mentors", mentorId);

        readBeforeRelay.rename("Dr. Samuel Okafor");
        readBeforeRelay.archive();
        outbox.save(readBeforeRelay);
        PendingEvent archived = readBeforeRelay.stamped().get(0);
        assertThat(archived.sequence()).isEqualTo(2);

        SampleMentor stored = mongo.findById(mentorId, SampleMentor.class);
        assertThat(stored.getName()).isEqualTo("Dr. Samuel Okafor");
        assertThat(stored.getVersion()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> published = probe.await(keyed(student), 2);
        assertThat(published).extracting(r -> header(r, "ce_id")).containsExactly(added.eventId(), archived.eventId());
        relay.sweep();
        assertThat(probe.upToEnd(keyed(student))).hasSize(2);
    }

    @Test
    void documentsHandedOverTogetherArePublishedInOrderAndLeaveNothingPending() {
        String student = "student-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String mentorId = UUID.randomUUID().toString();
            ids.add(mentorId);
            insertWithPending(new SampleMentor(mentorId, "med-school", student, "Dr. " + i),
                    PendingEvent.of(events.envelope(new MentorAdded(mentorId, "Dr. " + i, null, null, null,
                            MentorRelationship.RESEARCH_PI, null, 90), "med-school", student, 1)),
                    PendingEvent.of(events.envelope(new MentorArchived(mentorId), "med-school", student, 2)));
        }

        ids.forEach(id -> relay.publishSoon("sample_mentors", id, 2));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> ids.stream().allMatch(id -> pendingOf(id).isEmpty()) && relay.backlog() == 0);
        probe.await(keyed(student), 80);
        List<ConsumerRecord<String, byte[]>> published = probe.upToEnd(keyed(student));
        assertThat(published).hasSize(80);
        Map<String, List<String>> sequences = new LinkedHashMap<>();
        published.forEach(r -> sequences.computeIfAbsent(header(r, "ce_subject"), k -> new ArrayList<>())
                .add(header(r, "ce_sequence")));
        assertThat(sequences).hasSize(40);
        assertThat(sequences.values()).allSatisfy(order -> assertThat(order).containsExactly("1", "2"));
    }

    @Test
    void aSaveOfAStaleCopyIsRefusedAndWritesNothing() {
        String student = "student-" + UUID.randomUUID();
        String mentorId = UUID.randomUUID().toString();
        insertWithPending(new SampleMentor(mentorId, "med-school", student, "Dr. Lee"));
        SampleMentor first = mongo.findById(mentorId, SampleMentor.class);
        SampleMentor second = mongo.findById(mentorId, SampleMentor.class);
        first.rename("Dr. Grace Lee");
        outbox.save(first);
        second.rename("Dr. G. Lee");
        second.archive();
        assertThatThrownBy(() -> outbox.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        SampleMentor stored = mongo.findById(mentorId, SampleMentor.class);
        assertThat(stored.getName()).isEqualTo("Dr. Grace Lee");
        assertThat(pendingOf(mentorId)).isEmpty();
    }

    @Test
    void theSweepRunsAfterAStartUntilNothingIsLeftThenOnlyAtTheFullInterval() {
        MutableClock sweeperClock = new MutableClock(clock.instant());
        OutboxSweeper sweeper = new OutboxSweeper(relay, Duration.ofSeconds(10), Duration.ofMinutes(5), sweeperClock);
        String student = "student-" + UUID.randomUUID();

        String first = leftBehind(student);
        sweeper.tick(); // the first turn after a start
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingOf(first).isEmpty());
        assertThat(relay.leftBehindAtLastSweep()).isTrue();
        // Having found something left behind, the sweep looks again at the short interval until it finds nothing.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            sweeper.tick();
            return !relay.leftBehindAtLastSweep();
        });

        String second = leftBehind(student);
        sweeper.tick(); // all is well and the full interval has not passed: no search of the collections
        assertThat(relay.backlog()).isZero();
        assertThat(pendingOf(second)).hasSize(1);

        sweeperClock.advance(Duration.ofMinutes(5));
        sweeper.tick();
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingOf(second).isEmpty());
        assertThat(probe.await(keyed(student), 2)).hasSize(2);
    }

    @Test
    void aSweepReadsAtMostItsLimitAndTheNextSweepsGoOn() {
        OutboxRelay limited = relaySweepingTwo(Duration.ofSeconds(5));
        String student = "student-" + UUID.randomUUID();
        List<String> mentors = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mentors.add(leftBehind(student));
        }

        limited.sweep();
        assertThat(limited.leftBehindAtLastSweep()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> limited.backlog() == 0);
        assertThat(mentors.stream().filter(id -> !pendingOf(id).isEmpty()).count())
                .as("two documents a sweep, the rest left to the next").isGreaterThanOrEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            limited.sweep();
            return mentors.stream().allMatch(id -> pendingOf(id).isEmpty());
        });
        assertThat(probe.await(keyed(student), 5)).hasSize(5);
    }

    @Test
    void aSweepThatFillsItsLimitWithEventsOnTheirWayDoesNotCallForAnotherSoon() {
        // A grace of a day: every pending event in the collection is on its way, none left behind.
        OutboxRelay patient = relaySweepingTwo(Duration.ofDays(1));
        String student = "student-" + UUID.randomUUID();
        List<String> mentors = new java.util.ArrayList<>();
        EventFactory now = new EventFactory("sample-service", clock);
        for (int i = 0; i < 3; i++) {
            String mentorId = UUID.randomUUID().toString();
            insertWithPending(new SampleMentor(mentorId, "med-school", student, "Dr. On The Way"), now.pending(
                    new MentorAdded(mentorId, "Dr. On The Way", null, null, null, MentorRelationship.RESEARCH_PI, null, 90),
                    "med-school", student, 1));
            mentors.add(mentorId);
        }
        try {
            assertThat(patient.sweep()).isZero();
            assertThat(patient.leftBehindAtLastSweep()).isFalse();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").in(mentors)), "sample_mentors");
        }
    }

    /** A relay of its own whose sweeps read at most two documents per collection. */
    private OutboxRelay relaySweepingTwo(Duration grace) {
        return new OutboxRelay(mongo, publisher, clock, grace, Duration.ofSeconds(10), 500, 2,
                Executors.newSingleThreadExecutor(), new SimpleMeterRegistry());
    }

    /** A mentor written with its event pending and never handed to the relay, as a crash leaves it; older than the grace. */
    private String leftBehind(String student) {
        String mentorId = UUID.randomUUID().toString();
        EventFactory earlier = new EventFactory("sample-service", new MutableClock(clock.instant().minus(Duration.ofMinutes(1))));
        insertWithPending(new SampleMentor(mentorId, "med-school", student, "Dr. Left Behind"), earlier.pending(
                new MentorAdded(mentorId, "Dr. Left Behind", null, null, null, MentorRelationship.RESEARCH_PI, null, 90),
                "med-school", student, 1));
        return mentorId;
    }

    private List<?> pendingOf(String mentorId) {
        Document stored = mongo.findById(mentorId, Document.class, "sample_mentors");
        return stored == null ? List.of() : stored.getList(OutboxDocument.PENDING_EVENTS, Object.class, List.of());
    }

    /** The document as a write of an earlier version would have left it, version 1, with these events pending. */
    private void insertWithPending(SampleMentor mentor, PendingEvent... pending) {
        Document doc = new Document();
        mongo.getConverter().write(mentor, doc);
        doc.put("version", 1L);
        doc.put(OutboxDocument.PENDING_EVENTS, Arrays.stream(pending).map(mongo.getConverter()::convertToMongoType).toList());
        mongo.insert(doc, "sample_mentors");
    }
}
