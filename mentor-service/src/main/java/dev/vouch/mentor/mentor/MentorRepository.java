package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.web.ResultPage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mentors in MongoDB. Every change is stored together with the events the mentor registered, in one
 * single-document write through the kit's outbox.
 */
@Repository
public class MentorRepository {

    /** By name (as stored in {@code sortName}), then id, so pages are stable when names tie. */
    private static final Comparator<Mentor> BY_NAME = Comparator.comparing(MentorRepository::sortName)
            .thenComparing(Mentor::getId);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final StudentIndex students;
    private final WriterKeyIndex writerKeys;

    public MentorRepository(MongoTemplate mongo, EventOutbox outbox, StudentIndex students, WriterKeyIndex writerKeys) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.students = students;
        this.writerKeys = writerKeys;
    }

    public Optional<Mentor> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Mentor.class));
    }

    /**
     * Stores a new mentor or a change, with the events it registered; fails with
     * {@link org.springframework.dao.OptimisticLockingFailureException} if the mentor changed since it was read.
     */
    public Mentor save(Mentor mentor) {
        if (mentor.writerKeyUnstored()) {
            writerKeys.add(List.of(mentor)); // before the mentor: the index may name more mentors than match, never fewer
        }
        return outbox.save(mentor);
    }

    /**
     * A page of the scope's mentors sorted by name. {@code text} is matched literally (never as a pattern or
     * operator), case-insensitively, against name, specialty and organisation. The student's mentors are read
     * through the {@link StudentIndex} (by {@code _id}) and filtered here, so the cost follows this student's
     * mentors only.
     */
    public ResultPage<Mentor> search(AccessScope scope, MentorStatus status, String text, int page, int size) {
        Pattern literal = text == null || text.isBlank() ? null
                : Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<Mentor> matching = students.find(Mentor.class, scope).stream()
                .filter(mentor -> status == null || mentor.getStatus() == status)
                .filter(mentor -> literal == null || matches(literal, mentor.getDetails()))
                .sorted(BY_NAME)
                .toList();
        int from = (int) Math.min(matching.size(), (long) page * size);
        int to = (int) Math.min(matching.size(), (long) from + size);
        return new ResultPage<>(matching.subList(from, to), page, size, matching.size());
    }

    public List<Mentor> active(AccessScope scope) {
        return students.find(Mentor.class, scope).stream()
                .filter(mentor -> mentor.getStatus() == MentorStatus.ACTIVE)
                .sorted(BY_NAME)
                .toList();
    }

    private static boolean matches(Pattern literal, MentorDetails details) {
        return details != null && (found(literal, details.name()) || found(literal, details.specialty())
                || found(literal, details.organization()));
    }

    private static boolean found(Pattern literal, String field) {
        return field != null && literal.matcher(field).find();
    }

    private static String sortName(Mentor mentor) {
        MentorDetails details = mentor.getDetails();
        return details == null || details.name() == null ? "" : details.name().toLowerCase(Locale.ROOT);
    }
}
