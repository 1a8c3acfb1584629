package dev.vouch.mentor.contact;

import dev.vouch.kit.web.ResultPage;
import dev.vouch.mentor.mentor.ContactEntry;
import dev.vouch.mentor.mentor.Mentor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The full contact history in MongoDB, one document per contact. It is filled from the contacts each mentor
 * document keeps (see {@link ContactLog}); filing is idempotent, as contacts have deterministic ids.
 */
@Repository
public class ContactHistory {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("loggedAt"),
            Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    public ContactHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Copies the mentor's recent contacts that are not in the history yet. */
    public void file(Mentor mentor) {
        List<ContactEntry> recent = mentor.getRecentContacts();
        if (recent.isEmpty()) {
            return;
        }
        Query byIds = Query.query(Criteria.where("_id").in(recent.stream().map(ContactEntry::id).toList()));
        byIds.fields().include("_id");
        Set<String> filed = new HashSet<>();
        mongo.find(byIds, Contact.class).forEach(contact -> filed.add(contact.id()));
        for (ContactEntry entry : recent) {
            if (!filed.contains(entry.id())) {
                try {
                    mongo.insert(Contact.of(mentor, entry));
                } catch (DuplicateKeyException alreadyFiledByAnotherRequest) {
                    // the same contact, filed concurrently: nothing to do
                }
            }
        }
    }

    public Optional<Contact> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Contact.class));
    }

    public ResultPage<Contact> ofMentor(Criteria scope, String mentorId, int page, int size) {
        Query query = Query.query(scope).addCriteria(Criteria.where("mentorId").is(mentorId));
        long total = mongo.count(query, Contact.class);
        List<Contact> items = mongo.find(query.with(NEWEST_FIRST).skip((long) page * size).limit(size), Contact.class);
        return new ResultPage<>(items, page, size, total);
    }
}
