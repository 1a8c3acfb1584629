package dev.vouch.reminder.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.kit.outbox.VersionedFilter;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending work of the scheduler: one small document per subject (a letter or a mentor) that has a
 * reminder to fire or a resolution to announce, {@code {_id: subject, fireAt, owner, leaseUntil, version}}.
 * It holds nothing else, so the scheduler's poll reads little, and it holds one entry per subject rather than
 * per reminder, so a new letter costs one schedule write rather than one per threshold.
 *
 * <p>A scheduler instance claims a due entry by compare-and-set on {@code (_id, version)} (a find-and-modify
 * that also sets a lease), so two instances never work on one subject at once; a crashed instance's lease
 * expires and the entry is claimed again. Whoever writes an entry bumps its version, so a scheduler finishing
 * with an entry that the stream consumer has re-armed meanwhile leaves the newer entry alone.
 */
@Component
public class ReminderSchedule {

    public static final String COLLECTION = "reminder_schedule";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    public ReminderSchedule(MongoTemplate mongo) {
        this.mongo = mongo;
        collection().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        // What is due, in order of time; unique with its _id, so the local store serves the tick's range by it too.
        collection().createIndex(Indexes.ascending("fireAt", "_id"), new IndexOptions().unique(true).name("due"));
    }

    /** A subject claimed by one scheduler instance, at the version its claim wrote. */
    public record Claim(String subject, Instant fireAt, long version) {
    }

    /** Sets (or clears, for a null time) when each subject next needs the scheduler; releases any lease. */
    public void arm(Map<String, Instant> nextFireBySubject) {
        if (nextFireBySubject.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(nextFireBySubject.size());
        nextFireBySubject.forEach((subject, fireAt) -> {
            if (fireAt == null) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", subject)));
            } else {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", subject),
                        new Document("$set", new Document("fireAt", Date.from(fireAt)))
                                .append("$unset", new Document("owner", "").append("leaseUntil", ""))
                                .append("$inc", new Document("version", 1L)),
                        new UpdateOptions().upsert(true)));
            }
        });
        collection().bulkWrite(writes, UNORDERED);
    }

    /** Makes sure the subject is looked at no later than {@code fireAt} (a snooze ending). */
    public void armNoLaterThan(String subject, Instant fireAt) {
        collection().updateOne(Filters.eq("_id", subject),
                new Document("$min", new Document("fireAt", Date.from(fireAt))).append("$inc", new Document("version", 1L)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Claims up to {@code limit} subjects due by {@code now} and not leased by another instance, earliest first.
     * Finding the candidates reads the {@code due} index up to {@code now}; the claims are compare-and-sets on
     * {@code (_id, version)}.
     * {@code more} says the query found a full batch of candidates, so more may be due even when another
     * instance won some of them.
     */
    public ClaimBatch claimBatch(Instant now, int limit, String owner, Duration lease) {
        Date at = Date.from(now);
        List<Document> candidates = new ArrayList<>();
        collection().find(new Document("fireAt", new Document("$lte", at)).append("$or", List.of(
                        new Document("leaseUntil", new Document("$exists", false)),
                        new Document("leaseUntil", new Document("$lte", at)))))
                .limit(limit).into(candidates);
        return new ClaimBatch(claim(candidates, now, owner, lease), candidates.size() == limit);
    }

    /**
     * One bulk write of compare-and-sets, each taking a lease on a candidate still at the version it was read
     * at; then one read by {@code _id} tells which this instance won (its lease at the version it wrote). A
     * candidate another instance claimed, or the stream re-armed, in between is left to them.
     */
    private List<Claim> claim(List<Document> candidates, Instant now, String owner, Duration lease) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Date until = Date.from(now.plus(lease));
        Map<Object, Long> claimedAt = new HashMap<>();
        List<WriteModel<Document>> writes = new ArrayList<>(candidates.size());
        for (Document candidate : candidates) {
            long version = version(candidate);
            claimedAt.put(candidate.get("_id"), version + 1);
            writes.add(new UpdateOneModel<>(VersionedFilter.of(candidate.get("_id"), "version", version),
                    new Document("$set", new Document("owner", owner).append("leaseUntil", until))
                            .append("$inc", new Document("version", 1L))));
        }
        if (collection().bulkWrite(writes, UNORDERED).getModifiedCount() == 0) {
            return List.of();
        }
        List<Claim> claimed = new ArrayList<>(candidates.size());
        for (Document entry : collection().find(Filters.in("_id", claimedAt.keySet()))) {
            if (owner.equals(entry.getString("owner")) && until.equals(entry.getDate("leaseUntil"))
                    && claimedAt.get(entry.get("_id")) == version(entry)) {
                claimed.add(new Claim(entry.getString("_id"), entry.getDate("fireAt").toInstant(), version(entry)));
            }
        }
        return claimed;
    }

    /** What one claim round won, and whether a full batch of candidates was seen. */
    public record ClaimBatch(List<Claim> claims, boolean more) {
    }

    /**
     * Ends claims, in one bulk write: sets each subject's next time (or removes it when nothing is pending),
     * unless someone wrote the entry since the claim, whose entry then stands.
     */
    public void release(Map<Claim, Instant> nextFireByClaim) {
        if (nextFireByClaim.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(nextFireByClaim.size());
        nextFireByClaim.forEach((claim, nextFireAt) -> {
            var filter = VersionedFilter.of(claim.subject(), "version", claim.version());
            if (nextFireAt == null) {
                writes.add(new DeleteOneModel<>(filter));
            } else {
                writes.add(new UpdateOneModel<>(filter, new Document("$set", new Document("fireAt", Date.from(nextFireAt)))
                        .append("$unset", new Document("owner", "").append("leaseUntil", ""))
                        .append("$inc", new Document("version", 1L))));
            }
        });
        collection().bulkWrite(writes, UNORDERED);
    }

    private static long version(Document doc) {
        Object value = doc.get("version");
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
