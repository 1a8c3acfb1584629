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
import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.LetterKind;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;
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
    public static final String TARGETS = "targets";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;

    public ProjectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Used by real MongoDB for the advisor view; the in-process server ignores it (and scans).
        letters().createIndex(Indexes.ascending("tenant", "status"));
        IndexOptions unique = new IndexOptions().unique(true).name("id_sequence");
        letters().createIndex(Indexes.ascending("_id", "sequence"), unique);
        mentors().createIndex(Indexes.ascending("_id", "sequence"), unique);
        targets().createIndex(Indexes.ascending("_id", "sequence"), unique);
    }

    public Map<String, Target> targets(Collection<String> ids) {
        Map<String, Target> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document doc : targets().find(Filters.in("_id", ids))) {
                Target target = toTarget(doc);
                found.put(target.id(), target);
            }
        }
        return found;
    }

    /** Targets of a tenant with a gap: for the advisor view (a student has a handful of targets). */
    public List<Target> targetsWithGapsOf(String tenant) {
        List<Target> found = new ArrayList<>();
        for (Document doc : targets().find(Filters.eq("tenant", tenant))) {
            Target target = toTarget(doc);
            if (!target.gaps().isEmpty()) {
                found.add(target);
            }
        }
        return found;
    }

    /** Like {@link #save}, for targets. @return how many writes found a newer copy */
    public int saveTargets(Collection<ProjectionChange<Target>> targets) {
        int lost = write(targets(), targets, ProjectionStore::toDocument, Target::sequence);
        List<WriteModel<Document>> writes = new ArrayList<>();
        targets.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after).forEach(target ->
                writes.add(new UpdateOneModel<>(Filters.eq("_id", studentKey(target.tenant(), target.studentId())),
                        new Document("$set", new Document("tenant", target.tenant()).append("studentId", target.studentId()))
                                .append("$addToSet", new Document("targetIds", target.id())),
                        new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            students().bulkWrite(writes, UNORDERED);
        }
        return lost;
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
                new HashSet<>(doc.getList("mentorIds", String.class, List.of())),
                new HashSet<>(doc.getList("targetIds", String.class, List.of())));
    }

    /** Letters of a tenant still on their way (planned, asked for, accepted): for the advisor view. */
    public List<Letter> openLettersOf(String tenant) {
        List<Letter> open = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (LetterStatus status : LetterStatus.values()) {
            if (!status.isFinal()) {
                statuses.add(status.name());
            }
        }
        for (Document doc : letters().find(Filters.and(Filters.eq("tenant", tenant), Filters.in("status", statuses)))) {
            open.add(toLetter(doc));
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

    private MongoCollection<Document> targets() {
        return mongo.getCollection(TARGETS);
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

    static Document toDocument(Target target) {
        List<Document> gaps = target.gaps().stream().map(gap -> {
            Document doc = new Document("kind", gap.kind().name());
            if (gap.letterKind() != null) {
                doc.append("letterKind", gap.letterKind().name());
            }
            if (gap.letterId() != null) {
                doc.append("letterId", gap.letterId());
            }
            if (gap.expected() != null) {
                doc.append("expected", gap.expected());
            }
            if (gap.actual() != null) {
                doc.append("actual", gap.actual());
            }
            return doc;
        }).toList();
        return new Document("_id", target.id())
                .append("tenant", target.tenant())
                .append("studentId", target.studentId())
                .append("name", target.name())
                .append("system", target.system() == null ? null : target.system().name())
                .append("deadline", date(target.deadline()))
                .append("gaps", gaps)
                .append("sequence", target.sequence());
    }

    static Target toTarget(Document doc) {
        List<CoverageGap> gaps = new ArrayList<>();
        for (Document gap : doc.getList("gaps", Document.class, List.of())) {
            String letterKind = gap.getString("letterKind");
            gaps.add(new CoverageGap(CoverageGapKind.valueOf(gap.getString("kind")),
                    letterKind == null ? null : LetterKind.valueOf(letterKind), gap.getString("letterId"),
                    gap.getInteger("expected"), gap.getInteger("actual")));
        }
        String system = doc.getString("system");
        return new Target(doc.getString("_id"), doc.getString("tenant"), doc.getString("studentId"),
                doc.getString("name"), system == null ? null : ApplicationSystem.valueOf(system),
                instant(doc, "deadline"), gaps, number(doc, "sequence"));
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
