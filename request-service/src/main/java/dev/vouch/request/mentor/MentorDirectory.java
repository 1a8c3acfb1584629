package dev.vouch.request.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.kit.outbox.ConflictRetry;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.springframework.dao.OptimisticLockingFailureException;
import com.mongodb.bulk.BulkWriteError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The mentors request-service knows, projected from {@code vouch.mentors}, one entry per mentor addressed by
 * its id. Applying an event twice, late or out of order changes nothing:
 * <ul>
 *   <li>owner and name follow the newest event only: an event whose sequence is not above the entry's is
 *       ignored;</li>
 *   <li>archiving is final, so a MentorArchived applies whatever its sequence, and nothing makes an entry
 *       ACTIVE again once it is ARCHIVED (only a first insert is ACTIVE).</li>
 * </ul>
 */
@Component
public class MentorDirectory {

    static final int DUPLICATE_KEY = 11000;
    static final String WAITS = "vouch.letters.mentor.waits";

    private final MongoTemplate mongo;
    private final MentorArrivals arrivals;
    private final Counter arrivedInTime;
    private final Counter neverArrived;

    MentorDirectory(MongoTemplate mongo, MentorArrivals arrivals, MeterRegistry registry) {
        this.mongo = mongo;
        this.arrivals = arrivals;
        this.arrivedInTime = waits(registry, "arrived");
        this.neverArrived = waits(registry, "timed_out");
        mongo.getCollection(KnownMentor.COLLECTION).createIndex(Indexes.ascending("_id", "sequence"),
                new IndexOptions().unique(true).name("id_sequence"));
    }

    public Optional<KnownMentor> find(String mentorId) {
        return Optional.ofNullable(mongo.findById(mentorId, KnownMentor.class));
    }

    /**
     * The mentor, waiting up to {@code patience} for it to appear when the directory does not know it yet:
     * its MentorAdded may still be on its way. Wakes up when this instance records it, and polls every
     * {@code poll} for an entry recorded by another instance. Elapsed real time bounds the wait, not the
     * business clock.
     */
    public Optional<KnownMentor> await(String mentorId, Duration patience, Duration poll) {
        Optional<KnownMentor> mentor = find(mentorId);
        if (mentor.isPresent() || patience.isZero() || patience.isNegative()) {
            return mentor;
        }
        long giveUpAt = System.nanoTime() + patience.toNanos();
        CompletableFuture<Void> arrival = arrivals.expect(mentorId);
        try {
            while (true) {
                // Read again after registering, so an entry written between the first read and expect() is seen.
                mentor = find(mentorId);
                long left = giveUpAt - System.nanoTime();
                if (mentor.isPresent() || left <= 0) {
                    (mentor.isPresent() ? arrivedInTime : neverArrived).increment();
                    return mentor;
                }
                if (arrival.isDone()) {
                    arrivals.forget(mentorId, arrival);
                    arrival = arrivals.expect(mentorId);
                }
                awaitSignal(arrival, Math.min(left, poll.toNanos()));
            }
        } finally {
            arrivals.forget(mentorId, arrival);
        }
    }

    /**
     * Applies a batch of changes, then wakes whoever waits for these mentors. The entries are read by id in one
     * query, the changes folded in memory ({@link #apply}), and each entry that changed is written back in one
     * unordered bulk write: a new one inserted, a known one replaced on the condition that its sequence is still
     * the one read (a filter on exactly {@code (_id, sequence)}, which a unique index serves on MongoDB and on the
     * in-process server alike). A write that loses to another writer is decided again from what is stored.
     */
    public void record(List<MentorChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ConflictRetry.retrying(3, () -> {
            writeOnce(changes);
            return null;
        });
        arrivals.arrived(changes.stream().map(MentorChange::mentorId).toList());
    }

    private void writeOnce(List<MentorChange> changes) {
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.add(change.mentorId()));
        Map<String, KnownMentor> stored = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), KnownMentor.class).forEach(entry -> stored.put(entry.getId(), entry));
        Map<String, KnownMentor> folded = new LinkedHashMap<>(stored);
        for (MentorChange change : changes) {
            folded.put(change.mentorId(), apply(folded.get(change.mentorId()), change));
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, KnownMentor.class);
        int updates = 0;
        int writes = 0;
        for (KnownMentor entry : folded.values()) {
            KnownMentor before = stored.get(entry.getId());
            if (before == null) {
                bulk.insert(entry);
                writes++;
            } else if (!entry.sameAs(before)) {
                bulk.updateOne(Query.query(where("_id").is(entry.getId()).and("sequence").is(before.getSequence())),
                        new Update().set("tenant", entry.getTenant()).set("studentId", entry.getStudentId())
                                .set("name", entry.getName()).set("status", entry.getStatus())
                                .set("sequence", entry.getSequence()));
                updates++;
                writes++;
            }
        }
        if (writes == 0) {
            return;
        }
        try {
            if (bulk.execute().getMatchedCount() < updates) {
                throw new OptimisticLockingFailureException("A directory entry changed since it was read");
            }
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            throw new OptimisticLockingFailureException("A directory entry was created since it was read", e);
        }
    }

    /**
     * One change applied to an entry (null: not known yet). Owner and name follow the newest event only; archiving
     * applies whatever its sequence, and nothing makes an archived entry active again.
     */
    static KnownMentor apply(KnownMentor entry, MentorChange change) {
        if (change.archives()) {
            return entry == null
                    ? new KnownMentor(change.mentorId(), change.tenant(), change.studentId(), null, MentorStatus.ARCHIVED,
                            change.sequence())
                    : new KnownMentor(entry.getId(), entry.getTenant(), entry.getStudentId(), entry.getName(),
                            MentorStatus.ARCHIVED, Math.max(entry.getSequence(), change.sequence()));
        }
        if (entry == null) {
            return new KnownMentor(change.mentorId(), change.tenant(), change.studentId(), change.name(),
                    MentorStatus.ACTIVE, change.sequence());
        }
        if (entry.getSequence() >= change.sequence()) {
            return entry; // a duplicate or an older event
        }
        return new KnownMentor(entry.getId(), change.tenant(), change.studentId(),
                change.name() != null ? change.name() : entry.getName(), entry.getStatus(), change.sequence());
    }

    private static void awaitSignal(CompletableFuture<Void> arrival, long nanos) {
        try {
            arrival.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException pollAgain) {
            // Another instance may have recorded the mentor: the loop reads the directory again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a mentor", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Counter waits(MeterRegistry registry, String outcome) {
        return Counter.builder(WAITS)
                .description("Letter requests that had to wait for their mentor to reach the directory")
                .tag("outcome", outcome)
                .register(registry);
    }
}
