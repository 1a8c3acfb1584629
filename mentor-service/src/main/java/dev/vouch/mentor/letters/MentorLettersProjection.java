package dev.vouch.mentor.letters;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.vouch.kit.outbox.ConflictRetry;
import dev.vouch.kit.outbox.VersionedFilter;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.VouchEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies letter events to {@link MentorLetters}, one read and one bulk write per batch. Idempotent: an event
 * changes its letter's sub-document only if the letter's stored sequence is lower than the event's, so a
 * redelivered or replayed event changes nothing. The documents are read by id, the events folded in memory, and
 * each changed document written back on the condition that its {@code revision} is still the one read: a filter
 * on exactly {@code (_id, revision)}, which a unique index serves on MongoDB and on the in-process server alike.
 */
@Component
public class MentorLettersProjection {

    public static final String APPLIED_METRIC = "vouch.mentors.letter.events";
    static final String REVISION = "revision";
    private static final int DUPLICATE_KEY = 11000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final MeterRegistry registry;

    public MentorLettersProjection(MongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
        collection().createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true).name("id_revision"));
    }

    /** @return how many events changed the projection (the others were duplicates or carried no status) */
    public int apply(List<EventEnvelope<VouchEvent>> events) {
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
            updates.add(new Guarded(MentorLetters.key(event.tenant(), event.studentId(), letter.mentorId()), event.tenant(),
                    event.studentId(), letter.mentorId(), letter.letterId(), event.sequence(), progress, deadline));
        }
        if (updates.isEmpty()) {
            return 0;
        }
        int applied = ConflictRetry.retrying(3, () -> applyOnce(updates));
        count("applied", applied);
        count("duplicate", updates.size() - applied);
        return applied;
    }

    private int applyOnce(List<Guarded> updates) {
        Set<String> keys = new LinkedHashSet<>();
        updates.forEach(update -> keys.add(update.key()));
        Map<String, Document> stored = new HashMap<>();
        collection().find(Filters.in("_id", keys)).forEach(doc -> stored.put(doc.getString("_id"), doc));
        Map<String, Map<String, Document>> letters = new LinkedHashMap<>();
        Map<String, Map<String, Document>> changed = new LinkedHashMap<>();
        int applied = 0;
        for (Guarded update : updates) {
            Map<String, Document> ofMentor = letters.computeIfAbsent(update.key(), key -> lettersOf(stored.get(key)));
            String field = MentorLetters.field(update.letterId());
            Document current = ofMentor.get(field);
            Number sequence = current == null ? null : (Number) current.get("sequence");
            if (sequence != null && sequence.longValue() >= update.sequence()) {
                continue;
            }
            // What this event does not say (a deadline change says no status) stays as stored.
            Document state = current == null ? new Document() : new Document(current);
            state.append("letterId", update.letterId()).append("sequence", update.sequence());
            if (update.progress() != null) {
                state.append("status", update.progress().status().name());
                if (update.progress().asked()) {
                    state.append("asked", Boolean.TRUE);
                }
            }
            if (update.deadline() != null) {
                state.append("deadline", update.deadline());
            }
            ofMentor.put(field, state);
            changed.computeIfAbsent(update.key(), key -> new LinkedHashMap<>()).put(field, state);
            applied++;
        }
        if (changed.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        int conditional = 0;
        for (Map.Entry<String, Map<String, Document>> entry : changed.entrySet()) {
            Document before = stored.get(entry.getKey());
            if (before == null) {
                Guarded first = updates.stream().filter(u -> u.key().equals(entry.getKey())).findFirst().orElseThrow();
                writes.add(new InsertOneModel<>(new Document("_id", entry.getKey()).append("tenant", first.tenant())
                        .append("studentId", first.studentId()).append("mentorId", first.mentorId())
                        .append("letters", new Document(letters.get(entry.getKey()))).append(REVISION, 1L)));
            } else {
                Number revision = (Number) before.get(REVISION);
                Document set = new Document(REVISION, revision == null ? 1L : revision.longValue() + 1);
                entry.getValue().forEach((field, state) -> set.append("letters." + field, state));
                writes.add(new UpdateOneModel<>(VersionedFilter.of(entry.getKey(), REVISION,
                        revision == null ? null : revision.longValue()), new Document("$set", set)));
                conditional++;
            }
        }
        try {
            if (collection().bulkWrite(writes, UNORDERED).getMatchedCount() < conditional) {
                throw new OptimisticLockingFailureException("A mentor's letters changed since they were read");
            }
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            throw new OptimisticLockingFailureException("A mentor's letters were created since they were read", e);
        }
        return applied;
    }

    private static Map<String, Document> lettersOf(Document doc) {
        Map<String, Document> letters = new LinkedHashMap<>();
        if (doc != null && doc.get("letters") instanceof Document stored) {
            stored.forEach((field, state) -> letters.put(field, (Document) state));
        }
        return letters;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(MentorLetters.COLLECTION);
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

    /** A status change, a deadline, or both (a LetterRequested carries both); progress or deadline may be null. */
    private record Guarded(String key, String tenant, String studentId, String mentorId, String letterId,
                           long sequence, LetterProgress progress, Instant deadline) {
    }
}
