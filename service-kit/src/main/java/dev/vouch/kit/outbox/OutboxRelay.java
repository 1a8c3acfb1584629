package dev.vouch.kit.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.vouch.kit.messaging.EventPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the events pending in outbox documents, then removes them from the document. Publishing happens
 * right after each write ({@link #publishSoon}) and again for whatever a crash or a broker outage left behind,
 * which the periodic {@link #sweep} finds. Delivery is at-least-once: an event sent and not yet removed when
 * the process dies is sent again, and consumers absorb the duplicate.
 *
 * <p>One relay thread works through the documents handed to it in batches: it reads a batch's documents with
 * one query per collection, sends all their events without waiting in between (the producer batches them),
 * then waits for the acknowledgements and removes what was acknowledged with one bulk write per collection.
 * Because one thread does all of it, no two sends of one document's events ever run side by side.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    public static final String BACKLOG = "vouch.outbox.backlog";
    public static final String OLDEST_AGE = "vouch.outbox.oldest.age";

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration sweepGrace;
    private final Duration sendTimeout;
    private final int batchSize;
    private final int sweepLimit;
    private final ExecutorService executor;
    /** Documents waiting for the relay thread, with how many events each was handed over with. */
    private final LinkedHashMap<Key, Long> queued = new LinkedHashMap<>();
    private boolean draining;
    /** Events handed to the relay and not yet acknowledged and removed (or given up on). */
    private final AtomicLong outstanding = new AtomicLong();
    /** Events whose publish failed since the last sweep: still pending, left to the next sweep. */
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong oldestPendingEpochMilli = new AtomicLong(-1);
    /** Whether the last sweep stopped at its limit in a collection where it found some left behind, so more may be. */
    private volatile boolean sweepStoppedAtLimit;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Clock clock, Duration sweepGrace,
                       Duration sendTimeout, int batchSize, int sweepLimit, ExecutorService executor,
                       MeterRegistry registry) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.sweepGrace = sweepGrace;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
        this.sweepLimit = sweepLimit;
        this.executor = executor;
        Gauge.builder(BACKLOG, this, OutboxRelay::backlog)
                .description("Events written to MongoDB and not yet published")
                .register(registry);
        TimeGauge.builder(OLDEST_AGE, this, TimeUnit.MILLISECONDS, OutboxRelay::oldestPendingAgeMillis)
                .description("Age of the oldest event left behind (older than the sweep grace) and not yet published, as of the last sweep")
                .register(registry);
    }

    /** Events this relay was handed and has not published yet, and those whose publish failed since the last sweep. */
    public long backlog() {
        return outstanding.get() + failed.get();
    }

    /** Whether a publish failed since the last sweep, so that events are pending that only a sweep finds again. */
    public boolean publishFailed() {
        return failed.get() > 0;
    }

    /**
     * Whether the last sweep found events left behind (older than the grace), or stopped at its limit, so that
     * the next sweep checks on them.
     */
    public boolean leftBehindAtLastSweep() {
        return oldestPendingEpochMilli.get() >= 0 || sweepStoppedAtLimit;
    }

    /** Publishes the document's pending events in the background; failures are left to the sweep. */
    public void publishSoon(String collection, String id, int events) {
        enqueue(new Key(collection, id), events, false);
    }

    private void enqueue(Key key, long events, boolean fromSweep) {
        boolean start;
        synchronized (queued) {
            Long before = queued.get(key);
            // The sweep counts what is stored, which already includes what a write handed over for the same document.
            long count = before == null ? events : fromSweep ? Math.max(before, events) : before + events;
            queued.put(key, count);
            outstanding.addAndGet(count - (before == null ? 0 : before));
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                synchronized (queued) {
                    draining = false;
                }
                log.debug("Relay is shutting down; {} is left to the next sweep", key);
            }
        }
    }

    private void drain() {
        while (true) {
            Map<Key, Long> batch = new LinkedHashMap<>();
            synchronized (queued) {
                Iterator<Map.Entry<Key, Long>> next = queued.entrySet().iterator();
                while (next.hasNext() && batch.size() < batchSize) {
                    Map.Entry<Key, Long> entry = next.next();
                    batch.put(entry.getKey(), entry.getValue());
                    next.remove();
                }
                if (batch.isEmpty()) {
                    draining = false;
                    return;
                }
            }
            long handed = batch.values().stream().mapToLong(Long::longValue).sum();
            try {
                Sent sent = sendAll(batch.keySet());
                removeAll(sent.acknowledged());
                failed.addAndGet(sent.unacknowledged());
            } catch (RuntimeException e) {
                failed.addAndGet(handed);
                log.warn("Outbox publish of {} document(s) failed, the sweep will retry: {}", batch.size(), e.toString());
            } finally {
                outstanding.addAndGet(-handed);
            }
        }
    }

    /** Sends the document's pending events and then removes them, waiting for both. Returns how many were published. */
    public int publish(String collection, String id) {
        Sent sent = sendAll(List.of(new Key(collection, id)));
        removeAll(sent.acknowledged());
        if (sent.unacknowledged() > 0) {
            throw new IllegalStateException("Publishing " + collection + "/" + id + " failed for "
                    + sent.unacknowledged() + " event(s)");
        }
        return sent.acknowledged().values().stream().mapToInt(List::size).sum();
    }

    /** First half of {@link #publish}: sends every pending event and waits for the broker's acknowledgement. */
    public List<PendingEvent> send(String collection, String id) {
        Sent sent = sendAll(List.of(new Key(collection, id)));
        if (sent.unacknowledged() > 0) {
            throw new IllegalStateException("Publishing " + collection + "/" + id + " failed");
        }
        return sent.acknowledged().getOrDefault(new Key(collection, id), List.of());
    }

    /**
     * Reads the documents (one query per collection), sends all their pending events, then waits for the
     * acknowledgements. Per document, what counts as sent is the run of events acknowledged from the first
     * one on: an event after a failed one is sent again with it, so a consumer never sees a later event of a
     * document before an earlier one is settled.
     */
    private Sent sendAll(Iterable<Key> keys) {
        Map<String, List<String>> idsByCollection = new LinkedHashMap<>();
        for (Key key : keys) {
            idsByCollection.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(key.id());
        }
        Map<Key, List<PendingEvent>> events = new LinkedHashMap<>();
        Map<Key, List<CompletableFuture<?>>> acks = new LinkedHashMap<>();
        idsByCollection.forEach((collection, ids) -> {
            Query query = Query.query(Criteria.where("_id").in(ids));
            query.fields().include(OutboxDocument.PENDING_EVENTS);
            for (Pending doc : mongo.find(query, Pending.class, collection)) {
                if (doc.pendingEvents() == null || doc.pendingEvents().isEmpty()) {
                    continue;
                }
                Key key = new Key(collection, doc.id());
                List<CompletableFuture<?>> futures = new ArrayList<>(doc.pendingEvents().size());
                for (PendingEvent event : doc.pendingEvents()) {
                    futures.add(publisher.send(event.topic(), event.studentId(), event.type(), event.toCloudEvent()));
                }
                events.put(key, doc.pendingEvents());
                acks.put(key, futures);
            }
        });
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        Map<Key, List<PendingEvent>> acknowledged = new LinkedHashMap<>();
        long unacknowledged = 0;
        for (Map.Entry<Key, List<CompletableFuture<?>>> entry : acks.entrySet()) {
            List<CompletableFuture<?>> futures = entry.getValue();
            int run = 0;
            while (run < futures.size() && acknowledged(futures.get(run), deadline, entry.getKey())) {
                run++;
            }
            unacknowledged += futures.size() - run;
            if (run > 0) {
                acknowledged.put(entry.getKey(), events.get(entry.getKey()).subList(0, run));
            }
        }
        return new Sent(acknowledged, unacknowledged);
    }

    private static boolean acknowledged(CompletableFuture<?> ack, long deadline, Key key) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Publishing {} failed: {}", key, e.toString());
            return false;
        }
    }

    /** Removes exactly the events that were sent, whatever was added since: one bulk write per collection. */
    private void removeAll(Map<Key, List<PendingEvent>> sent) {
        Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
        sent.forEach((key, events) -> writes.computeIfAbsent(key.collection(), c -> new ArrayList<>())
                .add(new UpdateOneModel<>(Filters.eq("_id", key.id()), new Document("$pull",
                        new Document(OutboxDocument.PENDING_EVENTS, new Document("eventId",
                                new Document("$in", events.stream().map(PendingEvent::eventId).toList())))))));
        writes.forEach((collection, models) -> mongo.getCollection(collection).bulkWrite(models, UNORDERED));
    }

    /** Second half of {@link #publish}: removes exactly the events that were sent, whatever was added since. */
    public void remove(String collection, String id, List<PendingEvent> sent) {
        if (!sent.isEmpty()) {
            removeAll(Map.of(new Key(collection, id), sent));
        }
    }

    /**
     * Finds what was left behind in every outbox collection and hands it to the relay thread; refreshes the
     * oldest-age gauge. Events younger than the grace period are left to the publish that follows their write.
     * A sweep reads at most {@code sweepLimit} documents of each collection: after a burst (a broker outage, a
     * mass of reminders firing at once) the pending documents of a whole collection, read at once, would fill the
     * heap of the service and of the in-process store; the next sweep reads on once the relay published these.
     *
     * @return how many events were handed over
     */
    public int sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(sweepGrace);
        Instant oldest = null;
        int handed = 0;
        failed.set(0); // what failed is found again below, if it is still pending
        boolean stoppedAtLimit = false;
        for (String collection : outboxCollections()) {
            Query withPending = Query.query(Criteria.where(OutboxDocument.PENDING_EVENTS + ".0").exists(true))
                    .limit(sweepLimit);
            withPending.fields().include(OutboxDocument.PENDING_EVENTS);
            List<Pending> found = mongo.find(withPending, Pending.class, collection);
            boolean foundLeftBehind = false;
            for (Pending doc : found) {
                Instant docOldest = doc.pendingEvents().stream().map(PendingEvent::time)
                        .min(Comparator.naturalOrder()).orElse(now);
                if (docOldest.isBefore(cutoff)) {
                    enqueue(new Key(collection, doc.id()), doc.pendingEvents().size(), true);
                    handed += doc.pendingEvents().size();
                    foundLeftBehind = true;
                    // Only what was left behind counts for the age: younger events are on their way.
                    oldest = oldest == null || docOldest.isBefore(oldest) ? docOldest : oldest;
                }
            }
            // A full batch of events on their way (a burst the relay is working through) calls for no second look
            // soon: every such sweep would search the collection again while the burst lasts.
            stoppedAtLimit |= found.size() >= sweepLimit && foundLeftBehind;
        }
        oldestPendingEpochMilli.set(oldest == null ? -1 : oldest.toEpochMilli());
        sweepStoppedAtLimit = stoppedAtLimit;
        return handed;
    }

    /** Collections of every mapped document type that implements {@link OutboxDocument}. */
    Set<String> outboxCollections() {
        Set<String> names = new TreeSet<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (OutboxDocument.class.isAssignableFrom(entity.getType())) {
                names.add(entity.getCollection());
            }
        }
        return names;
    }

    private double oldestPendingAgeMillis() {
        long oldest = oldestPendingEpochMilli.get();
        return oldest < 0 ? 0 : Math.max(0, clock.millis() - oldest);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Just the outbox part of any outbox document. */
    record Pending(@Id String id, List<PendingEvent> pendingEvents) {
    }

    private record Key(String collection, String id) {
        @Override
        public String toString() {
            return collection + "/" + id;
        }
    }

    /** What one send round got acknowledged per document, and how many events it did not. */
    private record Sent(Map<Key, List<PendingEvent>> acknowledged, long unacknowledged) {
    }
}
