package dev.vouch.reminder.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.vouch.kit.outbox.IdBuckets;
import dev.vouch.reminder.projection.StudentSubjects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which letters, mentors and targets each student has ({@code students}, one document per student) and which
 * students each institution has ({@code tenant_students}, the tenant's {@link IdBuckets}). A student's reminders and an
 * advisor's view read through them by {@code _id}, so their cost follows that student's or that institution's
 * data: the in-process Mongo server has no other index a filter on the tenant could use.
 */
final class SubjectIndex {

    static final String STUDENTS = "students";
    static final String TENANTS = "tenant_students";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final IdBuckets TENANT_STUDENTS = new IdBuckets("students");

    private final MongoTemplate mongo;

    SubjectIndex(MongoTemplate mongo) {
        this.mongo = mongo;
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
        addToTenants(byTenant);
    }

    /**
     * Enters subjects seen for the first time: the students' entries, then their institutions'. Written before the
     * projections themselves, so a crash in between leaves a subject that a redelivery finds missing and writes
     * again, never a projection the index does not name.
     */
    void add(Collection<StudentSubjects> added) {
        Map<String, StudentSubjects> byStudent = new LinkedHashMap<>();
        added.forEach(subjects -> byStudent.merge(studentKey(subjects.tenant(), subjects.studentId()), subjects, SubjectIndex::merge));
        if (byStudent.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byStudent.size());
        Map<String, Set<String>> byTenant = new LinkedHashMap<>();
        byStudent.forEach((key, subjects) -> {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", key),
                    new Document("$set", new Document("tenant", subjects.tenant()).append("studentId", subjects.studentId()))
                            .append("$addToSet", new Document("letterIds", each(subjects.letterIds()))
                                    .append("mentorIds", each(subjects.mentorIds()))
                                    .append("targetIds", each(subjects.targetIds()))),
                    UPSERT));
            byTenant.computeIfAbsent(subjects.tenant(), t -> new LinkedHashSet<>()).add(key);
        });
        students().bulkWrite(writes, UNORDERED);
        addToTenants(byTenant);
    }

    StudentSubjects student(String tenant, String studentId) {
        Document doc = students().find(Filters.eq("_id", studentKey(tenant, studentId))).first();
        return doc == null ? StudentSubjects.none(tenant, studentId) : toSubjects(tenant, studentId, doc);
    }

    /** Every student of the institution, through its entry and then the students' entries by {@code _id}. */
    List<StudentSubjects> studentsOf(String tenant) {
        List<String> keys = TENANT_STUDENTS.read(tenants(), tenant);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<StudentSubjects> found = new ArrayList<>();
        for (Document doc : students().find(Filters.in("_id", keys))) {
            if (tenant.equals(doc.getString("tenant"))) {
                found.add(toSubjects(tenant, doc.getString("studentId"), doc));
            }
        }
        return found;
    }

    private void addToTenants(Map<String, Set<String>> byTenant) {
        if (byTenant.isEmpty()) {
            return;
        }
        tenants().bulkWrite(TENANT_STUDENTS.additions(byTenant), UNORDERED);
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

    private MongoCollection<Document> tenants() {
        return mongo.getCollection(TENANTS);
    }
}
