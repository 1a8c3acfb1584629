package dev.vouch.reminder.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.reminder.derivation.ProjectionChange;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
import dev.vouch.reminder.projection.StudentSubjects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The letter and mentor projections and the per-student index, in MongoDB. Documents are addressed by
 * {@code _id} only (single ids or {@code $in}) and written in one unordered bulk write per collection and
 * batch: the in-process Mongo server scans for anything else, and per-document round trips would cap
 * throughput.
 */
@Component
public class ProjectionStore {

    public static final String LETTERS = "letters";
    public static final String MENTORS = "mentors";
    public static final String STUDENTS = "students";
    /** Per tenant, the keys of its students: the advisor view reads a tenant's letters through it, by _id. */
    public static final String TENANTS = "tenant_students";
    public static final String TARGETS = "targets";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    public ProjectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOptions unique = new IndexOptions().unique(true).name("id_sequence");
        letters().createIndex(Indexes.ascending("_id", "sequence"), unique);
        mentors().createIndex(Indexes.ascending("_id", "sequence"), unique);
        targets().createIndex(Indexes.ascending("_id", "sequence"), unique);
        enterTenants();
    }

    /** Students stored before the tenant index existed are entered once (one scan of the small student index). */
    private void enterTenants() {
        if (tenants().find().first() != null || students().find().first() == null) {
            return;
        }
        Map<String, Set<String>> byTenant = new LinkedHashMap<>();
        for (Document student : students().find().projection(new Document("tenant", 1))) {
            if (student.getString("tenant") != null) {
                byTenant.computeIfAbsent(student.getString("tenant"), t -> new LinkedHashSet<>()).add(student.getString("_id"));
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byTenant.size());
        byTenant.forEach((tenant, keys) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", tenant),
                new Document("$addToSet", new Document("students", new Document("$each", List.copyOf(keys)))),
                new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            tenants().bulkWrite(writes, UNORDERED);
        }
    }

    public Map<String, Target> targets(Collection<String> ids) {
        Map<String, Target> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : targets().find(Filters.in("_id", ids))) {
                Target target = ProjectionDocuments.toTarget(doc);
                found.put(target.id(), target);
            }
        }
        return found;
    }

    /** Targets of a tenant with a gap, for the advisor view: read by {@code _id} through the tenant's students. */
    public List<Target> targetsWithGapsOf(String tenant) {
        Document entry = tenants().find(Filters.eq("_id", tenant)).first();
        if (entry == null) {
            return List.of();
        }
        Set<String> targetIds = new LinkedHashSet<>();
        for (Document student : students().find(Filters.in("_id", entry.getList("students", String.class, List.of())))) {
            targetIds.addAll(student.getList("targetIds", String.class, List.of()));
        }
        List<Target> found = new ArrayList<>();
        for (Target target : targets(targetIds).values()) {
            if (target.tenant().equals(tenant) && !target.gaps().isEmpty()) {
                found.add(target);
            }
        }
        return found;
    }

    /** Like {@link #save}, for targets. @return how many writes found a newer copy */
    public int saveTargets(Collection<ProjectionChange<Target>> targets) {
        // The indexes first, as in save: a crash before the projection leaves a target a redelivery writes again.
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, Set<String>> byTenant = new LinkedHashMap<>();
        targets.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after).forEach(target -> {
            String key = studentKey(target.tenant(), target.studentId());
            writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                    new Document("$set", new Document("tenant", target.tenant()).append("studentId", target.studentId()))
                            .append("$addToSet", new Document("targetIds", target.id())),
                    new UpdateOptions().upsert(true)));
            byTenant.computeIfAbsent(target.tenant(), t -> new LinkedHashSet<>()).add(key);
        });
        if (!writes.isEmpty()) {
            students().bulkWrite(writes, UNORDERED);
            List<WriteModel<Document>> tenantWrites = new ArrayList<>(byTenant.size());
            byTenant.forEach((tenant, keys) -> tenantWrites.add(new UpdateOneModel<>(Filters.eq("_id", tenant),
                    new Document("$addToSet", new Document("students", new Document("$each", List.copyOf(keys)))),
                    new UpdateOptions().upsert(true))));
            tenants().bulkWrite(tenantWrites, UNORDERED);
        }
        return write(targets(), targets, ProjectionDocuments::toDocument, Target::sequence);
    }

    public Map<String, Letter> letters(Collection<String> ids) {
        return read(letters(), ids, ProjectionDocuments::toLetter);
    }

    public Map<String, Mentor> mentors(Collection<String> ids) {
        return read(mentors(), ids, ProjectionDocuments::toMentor);
    }

    /** The documents with these ids, by id, in one {@code $in} read. */
    private static <T> Map<String, T> read(MongoCollection<Document> collection, Collection<String> ids,
                                           Function<Document, T> mapping) {
        Map<String, T> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : collection.find(Filters.in("_id", ids))) {
                found.put(doc.getString("_id"), mapping.apply(doc));
            }
        }
        return found;
    }

    /**
     * Writes the changes, one unordered bulk write per collection: a new projection is inserted, a known one
     * replaced only if it still holds the sequence it was read at (a filter on exactly {@code (_id, sequence)},
     * which a unique index serves).
     *
     * @return how many writes found another writer's newer copy and wrote nothing
     */
    public int save(Collection<ProjectionChange<Letter>> letters, Collection<ProjectionChange<Mentor>> mentors) {
        // The per-student index first: a crash before the projections are written leaves a letter or mentor that a
        // redelivery finds missing, sees as first seen and writes again with its index entry. The other way round,
        // the redelivery would find the projection, see nothing new, and the index would never name it.
        List<Letter> firstSeenLetters = letters.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after).toList();
        List<Mentor> firstSeenMentors = mentors.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after).toList();
        Map<String, StudentSubjects> added = new LinkedHashMap<>();
        firstSeenLetters.forEach(letter -> added.merge(studentKey(letter.tenant(), letter.studentId()),
                new StudentSubjects(letter.tenant(), letter.studentId(), Set.of(letter.id()), Set.of()), ProjectionStore::merge));
        firstSeenMentors.forEach(mentor -> added.merge(studentKey(mentor.tenant(), mentor.studentId()),
                new StudentSubjects(mentor.tenant(), mentor.studentId(), Set.of(), Set.of(mentor.id())), ProjectionStore::merge));
        if (!added.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(added.size());
            added.forEach((key, subjects) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                    new Document("$set", new Document("tenant", subjects.tenant()).append("studentId", subjects.studentId()))
                            .append("$addToSet", new Document("letterIds", new Document("$each", List.copyOf(subjects.letterIds())))
                                    .append("mentorIds", new Document("$each", List.copyOf(subjects.mentorIds())))),
                    new UpdateOptions().upsert(true))));
            students().bulkWrite(writes, UNORDERED);
            Map<String, Set<String>> byTenant = new LinkedHashMap<>();
            added.forEach((key, subjects) -> byTenant.computeIfAbsent(subjects.tenant(), t -> new LinkedHashSet<>()).add(key));
            List<WriteModel<Document>> tenantWrites = new ArrayList<>(byTenant.size());
            byTenant.forEach((tenant, keys) -> tenantWrites.add(new UpdateOneModel<>(Filters.eq("_id", tenant),
                    new Document("$addToSet", new Document("students", new Document("$each", List.copyOf(keys)))),
                    new UpdateOptions().upsert(true))));
            tenants().bulkWrite(tenantWrites, UNORDERED);
        }
        int lost = write(letters(), letters, ProjectionDocuments::toDocument, Letter::sequence);
        lost += write(mentors(), mentors, ProjectionDocuments::toDocument, Mentor::sequence);
        return lost;
    }

    private static <T> int write(MongoCollection<Document> collection, Collection<ProjectionChange<T>> changes,
                                 Function<T, Document> toDocument, ToLongFunction<T> sequence) {
        if (changes.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        int updates = 0;
        for (ProjectionChange<T> change : changes) {
            Document doc = toDocument.apply(change.after());
            if (change.isFirstSeen()) {
                writes.add(new InsertOneModel<>(doc));
            } else {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", doc.get("_id")),
                        Filters.eq("sequence", sequence.applyAsLong(change.before()))), doc));
                updates++;
            }
        }
        try {
            BulkWriteResult result = collection.bulkWrite(writes, UNORDERED);
            return updates - result.getMatchedCount();
        } catch (MongoBulkWriteException e) {
            return e.getWriteErrors().size() + updates - e.getWriteResult().getMatchedCount();
        }
    }

    public StudentSubjects student(String tenant, String studentId) {
        Document doc = students().find(Filters.eq("_id", studentKey(tenant, studentId))).first();
        if (doc == null) {
            return StudentSubjects.none(tenant, studentId);
        }
        return new StudentSubjects(tenant, studentId, new HashSet<>(doc.getList("letterIds", String.class, List.of())),
                new HashSet<>(doc.getList("mentorIds", String.class, List.of())),
                new HashSet<>(doc.getList("targetIds", String.class, List.of())));
    }

    /**
     * Letters of a tenant still on their way (planned, asked for, accepted): for the advisor view. Read by
     * {@code _id} through the tenant's students and their letters, so the cost follows this tenant's data.
     */
    public List<Letter> openLettersOf(String tenant) {
        Document entry = tenants().find(Filters.eq("_id", tenant)).first();
        if (entry == null) {
            return List.of();
        }
        Set<String> letterIds = new LinkedHashSet<>();
        for (Document student : students().find(Filters.in("_id", entry.getList("students", String.class, List.of())))) {
            letterIds.addAll(student.getList("letterIds", String.class, List.of()));
        }
        List<Letter> open = new ArrayList<>();
        for (Letter letter : letters(letterIds).values()) {
            if (letter.tenant().equals(tenant) && letter.status() != null && !letter.status().isFinal()) {
                open.add(letter);
            }
        }
        return open;
    }

    static String studentKey(String tenant, String studentId) {
        return URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(studentId, StandardCharsets.UTF_8);
    }

    private static StudentSubjects merge(StudentSubjects a, StudentSubjects b) {
        Set<String> letters = new HashSet<>(a.letterIds());
        letters.addAll(b.letterIds());
        Set<String> mentors = new HashSet<>(a.mentorIds());
        mentors.addAll(b.mentorIds());
        return new StudentSubjects(a.tenant(), a.studentId(), letters, mentors);
    }

    private MongoCollection<Document> letters() {
        return mongo.getCollection(LETTERS);
    }

    private MongoCollection<Document> mentors() {
        return mongo.getCollection(MENTORS);
    }

    private MongoCollection<Document> tenants() {
        return mongo.getCollection(TENANTS);
    }

    private MongoCollection<Document> targets() {
        return mongo.getCollection(TARGETS);
    }

    private MongoCollection<Document> students() {
        return mongo.getCollection(STUDENTS);
    }
}
