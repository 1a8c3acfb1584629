package dev.vouch.request.mentor;

import dev.vouch.events.MentorStatus;
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
import java.util.List;
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
 *   <li>owner and name follow the newest event only: an upsert guarded by {@code sequence < event's sequence};
 *       for an older event the guard misses, the upsert collides with the existing {@code _id}, and that
 *       duplicate-key error is the "already newer" answer;</li>
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

    /** Applies a batch of changes in one unordered bulk write, then wakes whoever waits for these mentors. */
    public void record(List<MentorChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, KnownMentor.class);
        for (MentorChange change : changes) {
            if (change.archives()) {
                bulk.upsert(Query.query(where("_id").is(change.mentorId())), archive(change));
            } else {
                bulk.upsert(Query.query(where("_id").is(change.mentorId()).and("sequence").lt(change.sequence())),
                        details(change));
            }
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            // Only duplicate keys: events older than what the directory holds, ignored by design.
        }
        arrivals.arrived(changes.stream().map(MentorChange::mentorId).toList());
    }

    private static Update details(MentorChange change) {
        Update update = new Update()
                .set("tenant", change.tenant())
                .set("studentId", change.studentId())
                .set("sequence", change.sequence())
                .setOnInsert("status", MentorStatus.ACTIVE);
        if (change.name() != null) {
            update.set("name", change.name());
        }
        return update;
    }

    private static Update archive(MentorChange change) {
        return new Update()
                .set("status", MentorStatus.ARCHIVED)
                .setOnInsert("tenant", change.tenant())
                .setOnInsert("studentId", change.studentId())
                .max("sequence", change.sequence());
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
