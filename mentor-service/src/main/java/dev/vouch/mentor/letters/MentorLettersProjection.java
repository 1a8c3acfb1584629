package dev.vouch.mentor.letters;

import com.mongodb.bulk.BulkWriteResult;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.VouchEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies letter events to {@link MentorLetters} in one bulk write per batch. Idempotent by the shape of the
 * write: each event sets its letter's sub-document only if the letter's stored sequence is lower than the
 * event's, so a redelivered or replayed event matches nothing and changes nothing.
 */
@Component
public class MentorLettersProjection {

    public static final String APPLIED_METRIC = "vouch.mentors.letter.events";

    private final MongoTemplate mongo;
    private final MeterRegistry registry;

    public MentorLettersProjection(MongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
    }

    /** @return how many events changed the projection (the others were duplicates or carried no status) */
    public int apply(List<EventEnvelope<VouchEvent>> events) {
        // Ordered: first make sure each mentor's document exists (an upsert that never conflicts), then the
        // guarded updates, which never upsert and so can never fail on a duplicate key.
        Map<String, Update> documents = new LinkedHashMap<>();
        List<Guarded> updates = new ArrayList<>();
        for (EventEnvelope<VouchEvent> event : events) {
            if (!(event.payload() instanceof LetterEvent letter)) {
                continue;
            }
            LetterProgress progress = LetterProgress.of(letter).orElse(null);
            Instant deadline = deadlineOf(letter);
            if (progress == null && deadline == null) {
                continue;
            }
            String key = MentorLetters.key(event.tenant(), event.studentId(), letter.mentorId());
            documents.computeIfAbsent(key, k -> new Update()
                    .setOnInsert("tenant", event.tenant())
                    .setOnInsert("studentId", event.studentId())
                    .setOnInsert("mentorId", letter.mentorId()));
            updates.add(new Guarded(key, letter.letterId(), event.sequence(), progress, deadline));
        }
        if (updates.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, MentorLetters.COLLECTION);
        documents.forEach((key, insert) -> bulk.upsert(Query.query(Criteria.where("_id").is(key)), insert));
        updates.forEach(update -> bulk.updateOne(update.query(), update.update()));
        BulkWriteResult result = bulk.execute();
        int applied = result.getModifiedCount();
        count("applied", applied);
        count("duplicate", updates.size() - applied);
        return applied;
    }

    /** The deadline an event announces (writers' load counts letters by it); null for events that carry none. */
    private static Instant deadlineOf(LetterEvent letter) {
        if (letter instanceof LetterRequested requested) {
            return requested.deadline();
        }
        if (letter instanceof LetterDeadlineChanged changed) {
            return changed.deadline();
        }
        return null;
    }

    /** Every letter of these mentors (keys from {@link MentorLetters#key}), by {@code _id}. */
    public List<MentorLetters> lettersOf(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), MentorLetters.class);
    }

    /** Each mentor's letter counts; mentors without letters are absent from the map. */
    public Map<String, LetterHistory> historyOf(String tenant, String studentId, Collection<String> mentorIds) {
        if (mentorIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys = mentorIds.stream().map(id -> MentorLetters.key(tenant, studentId, id)).toList();
        Map<String, LetterHistory> histories = new HashMap<>();
        for (MentorLetters letters : mongo.find(Query.query(Criteria.where("_id").in(keys)), MentorLetters.class)) {
            histories.put(letters.mentorId(), letters.history());
        }
        return histories;
    }

    private void count(String outcome, int events) {
        registry.counter(APPLIED_METRIC, "outcome", outcome).increment(events);
    }

    /** A status change, a deadline, or both (a LetterRequested carries both). */
    private record Guarded(String key, String letterId, long sequence, LetterProgress progress, Instant deadline) {

        Query query() {
            String field = "letters." + MentorLetters.field(letterId);
            return Query.query(Criteria.where("_id").is(key).and(field + ".sequence").not().gte(sequence));
        }

        Update update() {
            String field = "letters." + MentorLetters.field(letterId);
            Update update = new Update()
                    .set(field + ".letterId", letterId)
                    .set(field + ".sequence", sequence);
            if (progress != null) {
                update.set(field + ".status", progress.status().name());
                if (progress.asked()) {
                    update.set(field + ".asked", true);
                }
            }
            if (deadline != null) {
                update.set(field + ".deadline", deadline);
            }
            return update;
        }
    }
}
