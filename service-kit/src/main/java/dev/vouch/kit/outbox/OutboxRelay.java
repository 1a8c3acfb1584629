package dev.vouch.kit.outbox;

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
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the events pending in outbox documents, then removes them from the document. Publishing happens
 * right after each write ({@link #publishSoon}) and again in a periodic {@link #sweep} that picks up whatever
 * a crash or a broker outage left behind. Delivery is at-least-once: an event sent and not yet removed when
 * the process dies is sent again, and consumers absorb the duplicate.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    public static final String BACKLOG = "vouch.outbox.backlog";
    public static final String OLDEST_AGE = "vouch.outbox.oldest.age";

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration sweepGrace;
    private final Duration sendTimeout;
    private final ExecutorService executor;
    private final ConcurrentHashMap<String, Boolean> runAgain = new ConcurrentHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingEpochMilli = new AtomicLong(-1);

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Clock clock, Duration sweepGrace,
                       Duration sendTimeout, ExecutorService executor, MeterRegistry registry) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.sweepGrace = sweepGrace;
        this.sendTimeout = sendTimeout;
        this.executor = executor;
        Gauge.builder(BACKLOG, backlog, AtomicLong::get)
                .description("Events written to MongoDB and not yet published, as of the last sweep")
                .register(registry);
        TimeGauge.builder(OLDEST_AGE, this, TimeUnit.MILLISECONDS, OutboxRelay::oldestPendingAgeMillis)
                .description("Age of the oldest event not yet published, as of the last sweep")
                .register(registry);
    }

    /**
     * Publishes the document's pending events in the background; failures are left to the sweep. Requests for
     * one document are serialised: while its publish runs, further requests only ask for one more run after it,
     * so two threads never send the same pending event side by side.
     */
    public void publishSoon(String collection, String id) {
        String key = collection + "/" + id;
        boolean[] start = {false};
        runAgain.compute(key, (k, running) -> {
            if (running == null) {
                start[0] = true;
                return Boolean.FALSE;
            }
            return Boolean.TRUE;
        });
        if (!start[0]) {
            return;
        }
        try {
            executor.execute(() -> drain(key, collection, id));
        } catch (RejectedExecutionException shuttingDown) {
            runAgain.remove(key);
            log.debug("Relay is shutting down; {} is left to the next sweep", key);
        }
    }

    private void drain(String key, String collection, String id) {
        while (true) {
            try {
                publish(collection, id);
            } catch (RuntimeException e) {
                log.warn("Outbox publish of {} failed, the sweep will retry: {}", key, e.toString());
            }
            if (runAgain.computeIfPresent(key, (k, again) -> again ? Boolean.FALSE : null) == null) {
                return;
            }
        }
    }

    /** Sends the document's pending events and then removes them. Returns how many were published. */
    public int publish(String collection, String id) {
        List<PendingEvent> sent = send(collection, id);
        remove(collection, id, sent);
        return sent.size();
    }

    /** First half of {@link #publish}: sends every pending event and waits for the broker's acknowledgement. */
    public List<PendingEvent> send(String collection, String id) {
        Pending doc = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Pending.class, collection);
        if (doc == null || doc.pendingEvents() == null || doc.pendingEvents().isEmpty()) {
            return List.of();
        }
        List<PendingEvent> events = doc.pendingEvents();
        List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            acks.add(publisher.send(event.topic(), event.studentId(), event.type(), event.toCloudEvent()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + collection + "/" + id, e);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing " + collection + "/" + id + " failed", e);
        }
        return events;
    }

    /** Second half of {@link #publish}: removes exactly the events that were sent, whatever was added since. */
    public void remove(String collection, String id, List<PendingEvent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        List<String> ids = sent.stream().map(PendingEvent::eventId).toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(OutboxDocument.PENDING_EVENTS, new Document("eventId", new Document("$in", ids))),
                collection);
    }

    /**
     * Publishes what was left behind in every outbox collection and refreshes the backlog gauges.
     * Events younger than the grace period are counted but left to the publish that follows their write.
     *
     * @return how many events were published
     */
    public int sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(sweepGrace);
        long pending = 0;
        Instant oldest = null;
        int published = 0;
        for (String collection : outboxCollections()) {
            Query withPending = Query.query(Criteria.where(OutboxDocument.PENDING_EVENTS + ".0").exists(true));
            withPending.fields().include(OutboxDocument.PENDING_EVENTS);
            for (Pending doc : mongo.find(withPending, Pending.class, collection)) {
                Instant docOldest = doc.pendingEvents().stream().map(PendingEvent::time)
                        .min(Comparator.naturalOrder()).orElse(now);
                if (docOldest.isBefore(cutoff)) {
                    try {
                        published += publish(collection, doc.id());
                        continue;
                    } catch (RuntimeException e) {
                        log.warn("Outbox sweep could not publish {}/{}: {}", collection, doc.id(), e.toString());
                    }
                }
                pending += doc.pendingEvents().size();
                oldest = oldest == null || docOldest.isBefore(oldest) ? docOldest : oldest;
            }
        }
        backlog.set(pending);
        oldestPendingEpochMilli.set(oldest == null ? -1 : oldest.toEpochMilli());
        return published;
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
}
