package dev.vouch.reminder.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.vouch.events.ReminderKind;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.reminder.derivation.ReminderChange;
import dev.vouch.reminder.lifecycle.ReminderState;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stored reminders, written through the kit's outbox: new ones inserted, existing ones updated only if still
 * at the version they were read at, with their events, many in one bulk write. A unique index on exactly
 * {@code (_id, version)} lets the in-process Mongo server answer that filter from an index instead of scanning.
 */
@Component
public class ReminderStore {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    public ReminderStore(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        collection().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    }

    public Reminder find(String id) {
        return mongo.findById(id, Reminder.class);
    }

    public Map<String, Reminder> find(Collection<String> ids) {
        Map<String, Reminder> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Reminder reminder : mongo.find(Query.query(Criteria.where("_id").in(ids)), Reminder.class)) {
                found.put(reminder.getId(), reminder);
            }
        }
        return found;
    }

    /**
     * Writes the changes in one bulk write and hands their events to the outbox relay.
     *
     * @return ids that could not be written because another writer created or changed them first
     */
    public Set<String> save(Collection<ReminderChange> changes) {
        return outbox.saveAll(changes.stream().map(change -> new Reminder(change.tenant(), change.studentId(),
                change.readVersion(), change.facts(), change.events())).toList());
    }

    /**
     * Saves one reminder a student acted on; fails with
     * {@link org.springframework.dao.OptimisticLockingFailureException} if it changed since it was read.
     */
    public Reminder save(Reminder reminder) {
        return outbox.save(reminder);
    }

    /**
     * Reminders waiting for the student (OPEN or SNOOZED), by kind: one read of their kinds alone, which the
     * {@code open_by_kind} index covers on MongoDB. Not an aggregation: the in-process store answers an
     * aggregation's {@code $match} by holding every matching document whole in memory at once (hundreds of
     * megabytes at a million events); here it holds only each one's kind. Nor a count per kind: each would read
     * the whole collection again.
     */
    public Map<ReminderKind, Long> openByKind() {
        Map<ReminderKind, Long> counts = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            counts.put(kind, 0L);
        }
        Document open = new Document("state", new Document("$in", List.of(ReminderState.OPEN.name(), ReminderState.SNOOZED.name())));
        for (Document reminder : collection().find(open).projection(new Document("facts.kind", 1).append("_id", 0))
                .batchSize(10_000)) {
            Document facts = reminder.get("facts", Document.class);
            String kind = facts == null ? null : facts.getString("kind");
            if (kind != null) {
                counts.merge(ReminderKind.valueOf(kind), 1L, Long::sum);
            }
        }
        return counts;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(Reminder.COLLECTION);
    }
}
