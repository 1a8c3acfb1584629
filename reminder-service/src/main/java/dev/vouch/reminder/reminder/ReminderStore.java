package dev.vouch.reminder.reminder;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.vouch.events.ReminderKind;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.OutboxRelay;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stored reminders. Writes are compare-and-set on {@code (_id, version)}: new reminders are inserted (a
 * duplicate id means someone else created it first), existing ones updated only if still at the version they
 * were read at. A unique index on exactly {@code (_id, version)} lets the in-process Mongo server answer that
 * filter from an index instead of scanning. Updates set fields and push new outbox events, never replace the
 * document, so events the relay is removing at the same moment are not written back.
 */
@Component
public class ReminderStore {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventOutbox outbox;

    public ReminderStore(MongoTemplate mongo, OutboxRelay relay, EventOutbox outbox) {
        this.mongo = mongo;
        this.relay = relay;
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
     * Writes the reminders and hands their new events to the outbox relay.
     *
     * @return ids that could not be written because another writer changed them first
     */
    public Set<String> save(Collection<Reminder> reminders) {
        List<WriteModel<Document>> writes = new ArrayList<>(reminders.size());
        List<Reminder> order = new ArrayList<>(reminders.size());
        Set<String> updated = new LinkedHashSet<>();
        for (Reminder reminder : reminders) {
            if (reminder.isNew()) {
                Document doc = new Document();
                mongo.getConverter().write(reminder, doc);
                doc.put("version", reminder.nextVersion());
                writes.add(new InsertOneModel<>(doc));
            } else {
                // The kit's outbox write (state, version check and $push of the new events), sent in bulk.
                EventOutbox.Change change = outbox.changeOf(reminder);
                writes.add(new UpdateOneModel<>(change.filter(), change.update()));
                updated.add(reminder.getId());
            }
            order.add(reminder);
        }
        if (writes.isEmpty()) {
            return Set.of();
        }
        Set<String> conflicts = new HashSet<>();
        BulkWriteResult result;
        try {
            result = collection().bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                conflicts.add(order.get(error.getIndex()).getId());
            }
            result = e.getWriteResult();
        }
        if (result.getMatchedCount() < updated.size()) {
            // Which update missed is not reported: let the caller read them all again and decide again.
            conflicts.addAll(updated);
        }
        for (Reminder reminder : order) {
            if (!conflicts.contains(reminder.getId())) {
                boolean hasEvents = !reminder.newEvents().isEmpty();
                reminder.written(reminder.nextVersion());
                if (hasEvents) {
                    relay.publishSoon(Reminder.COLLECTION, reminder.getId());
                }
            }
        }
        return conflicts;
    }

    /** Reminders waiting for the student (OPEN or SNOOZED), by kind: one aggregation over the collection. */
    public Map<ReminderKind, Long> openByKind() {
        Map<ReminderKind, Long> counts = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            counts.put(kind, 0L);
        }
        List<Document> pipeline = List.of(
                new Document("$match", new Document("state", new Document("$in",
                        List.of(ReminderState.OPEN.name(), ReminderState.SNOOZED.name())))),
                new Document("$group", new Document("_id", "$kind").append("n", new Document("$sum", 1))));
        for (Document row : collection().aggregate(pipeline)) {
            String kind = row.getString("_id");
            if (kind != null) {
                counts.put(ReminderKind.valueOf(kind), ((Number) row.get("n")).longValue());
            }
        }
        return counts;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(Reminder.COLLECTION);
    }

}
