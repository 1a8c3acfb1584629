package dev.vouch.reminder.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import dev.vouch.reminder.derivation.ProjectionChange;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.StudentSubjects;
import dev.vouch.reminder.projection.Target;
import dev.vouch.kit.outbox.VersionedFilter;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The letter, mentor and target projections, in MongoDB, with the index of each student's and institution's
 * subjects ({@link SubjectIndex}). Documents are addressed by {@code _id} only (single ids or {@code $in}) and
 * written in one unordered bulk write per collection and batch: the in-process Mongo server scans for anything
 * else, and per-document round trips would cap throughput.
 */
@Component
public class ProjectionStore {

    public static final String LETTERS = "letters";
    public static final String MENTORS = "mentors";
    public static final String STUDENTS = SubjectIndex.STUDENTS;
    public static final String TARGETS = "targets";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final SubjectIndex subjects;

    public ProjectionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOptions unique = new IndexOptions().unique(true).name("id_sequence");
        letters().createIndex(Indexes.ascending("_id", "sequence"), unique);
        mentors().createIndex(Indexes.ascending("_id", "sequence"), unique);
        targets().createIndex(Indexes.ascending("_id", "sequence"), unique);
        this.subjects = new SubjectIndex(mongo);
    }

    public Map<String, Letter> letters(Collection<String> ids) {
        return read(letters(), ids, ProjectionDocuments::toLetter);
    }

    public Map<String, Mentor> mentors(Collection<String> ids) {
        return read(mentors(), ids, ProjectionDocuments::toMentor);
    }

    public Map<String, Target> targets(Collection<String> ids) {
        return read(targets(), ids, ProjectionDocuments::toTarget);
    }

    /**
     * Writes the changes, one unordered bulk write per collection: a new projection is inserted, a known one
     * replaced only if it still holds the sequence it was read at (a filter on exactly {@code (_id, sequence)},
     * which a unique index serves). First-seen letters and mentors enter the subject index before that.
     *
     * @return how many writes found another writer's newer copy and wrote nothing
     */
    public int save(Collection<ProjectionChange<Letter>> letters, Collection<ProjectionChange<Mentor>> mentors) {
        List<StudentSubjects> added = new ArrayList<>();
        letters.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after).forEach(letter -> added.add(
                new StudentSubjects(letter.tenant(), letter.studentId(), Set.of(letter.id()), Set.of(), Set.of())));
        mentors.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after).forEach(mentor -> added.add(
                new StudentSubjects(mentor.tenant(), mentor.studentId(), Set.of(), Set.of(mentor.id()), Set.of())));
        subjects.add(added);
        int lost = write(letters(), letters, ProjectionDocuments::toDocument, Letter::sequence);
        lost += write(mentors(), mentors, ProjectionDocuments::toDocument, Mentor::sequence);
        return lost;
    }

    /** Like {@link #save}, for targets. @return how many writes found a newer copy */
    public int saveTargets(Collection<ProjectionChange<Target>> targets) {
        subjects.add(targets.stream().filter(ProjectionChange::isFirstSeen).map(ProjectionChange::after)
                .map(target -> new StudentSubjects(target.tenant(), target.studentId(), Set.of(), Set.of(), Set.of(target.id())))
                .toList());
        return write(targets(), targets, ProjectionDocuments::toDocument, Target::sequence);
    }

    public StudentSubjects student(String tenant, String studentId) {
        return subjects.student(tenant, studentId);
    }

    /** Letters of a tenant still on their way (planned, asked for, accepted), for the advisor view, by {@code _id}. */
    public List<Letter> openLettersOf(String tenant) {
        Set<String> ids = new LinkedHashSet<>();
        subjects.studentsOf(tenant).forEach(student -> ids.addAll(student.letterIds()));
        return letters(ids).values().stream()
                .filter(letter -> letter.tenant().equals(tenant) && letter.status() != null && !letter.status().isFinal())
                .toList();
    }

    /** Targets of a tenant with a gap, for the advisor view, by {@code _id}. */
    public List<Target> targetsWithGapsOf(String tenant) {
        Set<String> ids = new LinkedHashSet<>();
        subjects.studentsOf(tenant).forEach(student -> ids.addAll(student.targetIds()));
        return targets(ids).values().stream()
                .filter(target -> target.tenant().equals(tenant) && !target.gaps().isEmpty())
                .toList();
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
                writes.add(new ReplaceOneModel<>(VersionedFilter.of(doc.get("_id"), "sequence",
                        sequence.applyAsLong(change.before())), doc));
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

    private MongoCollection<Document> letters() {
        return mongo.getCollection(LETTERS);
    }

    private MongoCollection<Document> mentors() {
        return mongo.getCollection(MENTORS);
    }

    private MongoCollection<Document> targets() {
        return mongo.getCollection(TARGETS);
    }
}
