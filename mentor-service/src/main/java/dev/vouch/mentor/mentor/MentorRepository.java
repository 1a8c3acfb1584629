package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.web.ResultPage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mentors in MongoDB. Every change is stored together with the events the mentor registered, in one
 * single-document write through the kit's outbox.
 */
@Repository
public class MentorRepository {

    private static final Sort BY_NAME = Sort.by("sortName", "_id");

    private final MongoTemplate mongo;
    private final EventOutbox outbox;

    public MentorRepository(MongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public Optional<Mentor> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Mentor.class));
    }

    /**
     * Stores a new mentor or a change, with the events it registered; fails with
     * {@link org.springframework.dao.OptimisticLockingFailureException} if the mentor changed since it was read.
     */
    public Mentor save(Mentor mentor) {
        return outbox.save(mentor);
    }

    /**
     * A page of the scope's mentors sorted by name. {@code text} is matched literally (never as a pattern or
     * operator), case-insensitively, against name, specialty and organisation.
     */
    public ResultPage<Mentor> search(Criteria scope, MentorStatus status, String text, int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(scope);
        if (status != null) {
            filters.add(Criteria.where("status").is(status));
        }
        if (text != null && !text.isBlank()) {
            String literal = Pattern.quote(text.strip());
            filters.add(new Criteria().orOperator(
                    Criteria.where("details.name").regex(literal, "i"),
                    Criteria.where("details.specialty").regex(literal, "i"),
                    Criteria.where("details.organization").regex(literal, "i")));
        }
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, Mentor.class);
        List<Mentor> items = mongo.find(query.with(BY_NAME).skip((long) page * size).limit(size), Mentor.class);
        return new ResultPage<>(items, page, size, total);
    }

    public List<Mentor> active(Criteria scope) {
        Query query = Query.query(scope).addCriteria(Criteria.where("status").is(MentorStatus.ACTIVE));
        return mongo.find(query.with(BY_NAME), Mentor.class);
    }
}
