package dev.vouch.request.letter;

import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.kit.security.AccessScope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Letters in MongoDB: one document per letter, written together with its pending events through the outbox. */
@Component
public class LetterStore {

    /** Deadline first, then id, so that pages are stable when deadlines tie. */
    static final Comparator<LetterRequest> BY_DEADLINE = Comparator.comparing(LetterRequest::getDeadline)
            .thenComparing(LetterRequest::getId);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final StudentIndex students;

    LetterStore(MongoTemplate mongo, EventOutbox outbox, StudentIndex students) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.students = students;
    }

    public Optional<LetterRequest> find(String id) {
        return Optional.ofNullable(mongo.findById(id, LetterRequest.class));
    }

    /**
     * Saves a new letter or a change, together with the events the letter registered. Only the version that was
     * read is overwritten: a concurrent change fails with OptimisticLockingFailureException (409).
     */
    public void save(LetterRequest letter) {
        outbox.save(letter);
    }

    /**
     * A page of the student's letters, by deadline. The student's letters are read through the
     * {@link StudentIndex} (by {@code _id}) and filtered here, so the cost follows this student's letters only.
     */
    public Page list(AccessScope scope, LetterFilter filter, int page, int size) {
        List<LetterRequest> matching = students.find(LetterRequest.class, scope).stream()
                .filter(letter -> filter.statuses().isEmpty() || filter.statuses().contains(letter.getStatus()))
                .filter(letter -> filter.dueBefore() == null || letter.getDeadline().isBefore(filter.dueBefore()))
                .filter(letter -> filter.mentorId() == null || filter.mentorId().equals(letter.getMentorId()))
                .sorted(BY_DEADLINE)
                .toList();
        int from = (int) Math.min(matching.size(), (long) page * size);
        int to = (int) Math.min(matching.size(), (long) from + size);
        return new Page(matching.subList(from, to), matching.size());
    }

    /** One page of letters and how many match in all. */
    public record Page(List<LetterRequest> items, long total) {
    }
}
