package dev.vouch.request.letter;

import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.security.AccessScope;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Letters in MongoDB: one document per letter, written together with its pending events through the outbox. */
@Component
public class LetterStore {

    /** Deadline first, then id, so that pages are stable when deadlines tie. */
    static final Sort BY_DEADLINE = Sort.by(Sort.Order.asc("deadline"), Sort.Order.asc("id"));

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    LetterStore(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Serves the list query on a real MongoDB (the in-process server ignores it and scans). */
    @EventListener(ApplicationStartedEvent.class)
    void ensureIndexes() {
        mongo.indexOps(LetterRequest.class).createIndex(new Index()
                .on("tenant", Sort.Direction.ASC).on("studentId", Sort.Direction.ASC)
                .on("deadline", Sort.Direction.ASC).named("student_deadline"));
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

    public Page list(AccessScope scope, LetterFilter filter, int page, int size) {
        Criteria criteria = scope.criteria();
        if (!filter.statuses().isEmpty()) {
            criteria = criteria.and("status").in(filter.statuses());
        }
        if (filter.dueBefore() != null) {
            criteria = criteria.and("deadline").lt(filter.dueBefore());
        }
        if (filter.mentorId() != null) {
            criteria = criteria.and("mentorId").is(filter.mentorId());
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, LetterRequest.class);
        List<LetterRequest> items = mongo.find(query.with(BY_DEADLINE).skip((long) page * size).limit(size),
                LetterRequest.class);
        return new Page(items, total);
    }

    /** One page of letters and how many match in all. */
    public record Page(List<LetterRequest> items, long total) {
    }
}
