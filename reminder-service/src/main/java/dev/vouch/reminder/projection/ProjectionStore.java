package dev.vouch.reminder.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;
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

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoTemplate mongo;

    public ProjectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Used by real MongoDB for the advisor view; the in-process server ignores it (and scans).
        letters().createIndex(Indexes.ascending("tenant", "status"));
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

    public void save(Collection<Letter> letters, Collection<Mentor> mentors, Collection<Letter> firstSeenLetters,
                     Collection<Mentor> firstSeenMentors) {
        // The per-student index first: a crash before the projections are written leaves a letter or mentor that a
        // redelivery finds missing, sees as first seen and writes again with its index entry. The other way round,
        // the redelivery would find the projection, see nothing new, and the index would never name it.
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
        if (!letters.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(letters.size());
            letters.forEach(letter -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", letter.id()), toDocument(letter), UPSERT)));
            letters().bulkWrite(writes, UNORDERED);
        }
        if (!mentors.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(mentors.size());
            mentors.forEach(mentor -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", mentor.id()), toDocument(mentor), UPSERT)));
            mentors().bulkWrite(writes, UNORDERED);
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

    /** Letters of a tenant still on their way (planned, asked for, accepted): for the advisor view. */
    public List<Letter> openLettersOf(String tenant) {
        List<Letter> open = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (LetterStatus status : LetterStatus.values()) {
            if (status.isOpen()) {
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
                instant(doc, "requestedAt"), instant(doc, "acceptedAt"), instant(doc, "submittedAt"),
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
