package dev.vouch.reminder.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.reminder.projection.StudentSubjects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which letters, mentors and targets each student has ({@code students}, one document per student, keyed by
 * tenant and student). A student's reminders read their entry by {@code _id}; an advisor's view reads its
 * institution's entries by the unique index {@code tenant_student} on {@code (tenant, _id)}, which serves the
 * filter on the tenant on MongoDB and, by its leading field, on the in-process store too. Either way the cost
 * follows that student's or that institution's data, and a new student costs one small document, not an entry
 * in a list that grows with the school.
 */
final class SubjectIndex {

    static final String STUDENTS = "students";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;

    SubjectIndex(MongoTemplate mongo) {
        this.mongo = mongo;
        students().createIndex(Indexes.ascending("tenant", "_id"), new IndexOptions().unique(true).name("tenant_student"));
    }

    /**
     * Enters subjects seen for the first time in their students' entries. Written before the projections
     * themselves, so a crash in between leaves a subject that a redelivery finds missing and writes again, never
     * a projection the index does not name.
     */
    void add(Collection<StudentSubjects> added) {
        Map<String, StudentSubjects> byStudent = new LinkedHashMap<>();
        added.forEach(subjects -> byStudent.merge(studentKey(subjects.tenant(), subjects.studentId()), subjects, SubjectIndex::merge));
        if (byStudent.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byStudent.size());
        byStudent.forEach((key, subjects) -> {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                    new Document("$set", new Document("tenant", subjects.tenant()).append("studentId", subjects.studentId()))
                            .append("$addToSet", new Document("letterIds", each(subjects.letterIds()))
                                    .append("mentorIds", each(subjects.mentorIds()))
                                    .append("targetIds", each(subjects.targetIds()))),
                    UPSERT));
        });
        students().bulkWrite(writes, UNORDERED);
    }

    StudentSubjects student(String tenant, String studentId) {
        Document doc = students().find(Filters.eq("_id", studentKey(tenant, studentId))).first();
        return doc == null ? StudentSubjects.none(tenant, studentId) : toSubjects(tenant, studentId, doc);
    }

    /** Every student of the institution, through the {@code tenant_student} index. */
    List<StudentSubjects> studentsOf(String tenant) {
        List<StudentSubjects> found = new ArrayList<>();
        for (Document doc : students().find(Filters.eq("tenant", tenant))) {
            found.add(toSubjects(tenant, doc.getString("studentId"), doc));
        }
        return found;
    }

    private static StudentSubjects toSubjects(String tenant, String studentId, Document doc) {
        return new StudentSubjects(tenant, studentId, new HashSet<>(doc.getList("letterIds", String.class, List.of())),
                new HashSet<>(doc.getList("mentorIds", String.class, List.of())),
                new HashSet<>(doc.getList("targetIds", String.class, List.of())));
    }

    private static StudentSubjects merge(StudentSubjects a, StudentSubjects b) {
        return new StudentSubjects(a.tenant(), a.studentId(), union(a.letterIds(), b.letterIds()),
                union(a.mentorIds(), b.mentorIds()), union(a.targetIds(), b.targetIds()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Document each(Collection<String> values) {
        return new Document("$each", List.copyOf(values));
    }

    static String studentKey(String tenant, String studentId) {
        return URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(studentId, StandardCharsets.UTF_8);
    }

    private MongoCollection<Document> students() {
        return mongo.getCollection(STUDENTS);
    }
}
