package dev.vouch.reminder.store;

import dev.vouch.events.MentorStatus;
import dev.vouch.events.LetterStatus;
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
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;
import dev.vouch.reminder.derivation.ProjectionChange;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.StudentSubjects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
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

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    public ProjectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOptions unique = new IndexOptions().unique(true).name("id_sequence");
        letters().createIndex(Indexes.ascending("_id", "sequence"), unique);
        mentors().createIndex(Indexes.ascending("_id", "sequence"), unique);
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

    public Map<String, Letter> letters(Collection<String> ids) {
        Map<String, Letter> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : letters().find(Filters.in("_id", ids))) {
                Letter letter = toLetter(doc);
                found.put(letter.id(), letter);
            }
        }
        return found;
    }

    public Map<String, Mentor> mentors(Collection<String> ids) {
        Map<String, Mentor> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : mentors().find(Filters.in("_id", ids))) {
                Mentor mentor = toMentor(doc);
                found.put(mentor.id(), mentor);
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
        int lost = write(letters(), letters, ProjectionStore::toDocument, Letter::sequence);
        lost += write(mentors(), mentors, ProjectionStore::toDocument, Mentor::sequence);
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
                new HashSet<>(doc.getList("mentorIds", String.class, List.of())));
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

    private MongoCollection<Document> students() {
        return mongo.getCollection(STUDENTS);
    }

    // ---- mapping ----------------------------------------------------------------------------------------

    static Document toDocument(Letter letter) {
        return new Document("_id", letter.id())
                .append("tenant", letter.tenant())
                .append("studentId", letter.studentId())
                .append("mentorId", letter.mentorId())
                .append("purpose", letter.purpose() == null ? null : letter.purpose().name())
                .append("deadline", date(letter.deadline()))
                .append("deadlineSetAt", date(letter.deadlineSetAt()))
                .append("status", letter.status() == null ? null : letter.status().name())
                .append("materials", letter.materials().stream().map(Enum::name).toList())
                .append("plannedAt", date(letter.plannedAt()))
                .append("requestedAt", date(letter.requestedAt()))
                .append("shortNotice", letter.shortNotice())
                .append("acceptedAt", date(letter.acceptedAt()))
                .append("submittedAt", date(letter.submittedAt()))
                .append("closedAt", date(letter.closedAt()))
                .append("sequence", letter.sequence());
    }

    static Letter toLetter(Document doc) {
        Set<Material> materials = EnumSet.noneOf(Material.class);
        doc.getList("materials", String.class, List.of()).forEach(name -> materials.add(Material.valueOf(name)));
        String purpose = doc.getString("purpose");
        String status = doc.getString("status");
        return new Letter(doc.getString("_id"), doc.getString("tenant"), doc.getString("studentId"),
                doc.getString("mentorId"), purpose == null ? null : LetterPurpose.valueOf(purpose),
                instant(doc, "deadline"), instant(doc, "deadlineSetAt"),
                status == null ? null : LetterStatus.valueOf(status), materials, instant(doc, "plannedAt"),
                instant(doc, "requestedAt"), Boolean.TRUE.equals(doc.getBoolean("shortNotice")),
                instant(doc, "acceptedAt"), instant(doc, "submittedAt"),
                instant(doc, "closedAt"), number(doc, "sequence"));
    }

    static Document toDocument(Mentor mentor) {
        return new Document("_id", mentor.id())
                .append("tenant", mentor.tenant())
                .append("studentId", mentor.studentId())
                .append("known", mentor.known())
                .append("name", mentor.name())
                .append("status", mentor.status().name())
                .append("stayInTouchDays", mentor.stayInTouchDays())
                .append("addedAt", date(mentor.addedAt()))
                .append("lastContactAt", date(mentor.lastContactAt()))
                .append("lastThankYouAt", date(mentor.lastThankYouAt()))
                .append("sequence", mentor.sequence())
                .append("letterIds", List.copyOf(mentor.letterIds()));
    }

    static Mentor toMentor(Document doc) {
        return new Mentor(doc.getString("_id"), doc.getString("tenant"), doc.getString("studentId"),
                Boolean.TRUE.equals(doc.getBoolean("known")), doc.getString("name"),
                MentorStatus.valueOf(doc.getString("status")), (int) number(doc, "stayInTouchDays"),
                instant(doc, "addedAt"), instant(doc, "lastContactAt"), instant(doc, "lastThankYouAt"),
                number(doc, "sequence"), new HashSet<>(doc.getList("letterIds", String.class, List.of())));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
