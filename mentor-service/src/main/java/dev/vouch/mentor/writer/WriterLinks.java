package dev.vouch.mentor.writer;

import dev.vouch.mentor.letters.MentorLetters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * The links advisors made between mentors without an email and a writer: one document per institution
 * ({@code _id = tenant}), a mentor id to writer id map. Read whole by {@code _id}; a link is one {@code $set},
 * an unlink one {@code $unset}.
 */
@Component
public class WriterLinks {

    static final String COLLECTION = "writer_links";

    private final MongoTemplate mongo;

    WriterLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A mentor linked to a writer; {@code writerKey} is the writer's email key when the writer has one. */
    public record Link(String writerId, String writerKey) {
    }

    /** Mentor id to the writer it is linked to. */
    public Map<String, Link> of(String tenant) {
        Document doc = mongo.findById(tenant, Document.class, COLLECTION);
        Map<String, Link> links = new HashMap<>();
        // Read back as plain maps or as documents, depending on the mapping: take both.
        if (doc != null && doc.get("links") instanceof Map<?, ?> stored) {
            stored.values().forEach(value -> {
                if (value instanceof Map<?, ?> link) {
                    links.put((String) link.get("mentorId"),
                            new Link((String) link.get("writerId"), (String) link.get("writerKey")));
                }
            });
        }
        return links;
    }

    void link(String tenant, String mentorId, Link link) {
        Document value = new Document("mentorId", mentorId).append("writerId", link.writerId());
        if (link.writerKey() != null) {
            value.append("writerKey", link.writerKey());
        }
        mongo.upsert(byTenant(tenant), new Update().set("links." + MentorLetters.field(mentorId), value), COLLECTION);
    }

    /** @return false if the mentor was not linked */
    boolean unlink(String tenant, String mentorId) {
        return mongo.updateFirst(byTenant(tenant), new Update().unset("links." + MentorLetters.field(mentorId)),
                COLLECTION).getModifiedCount() > 0;
    }

    private static Query byTenant(String tenant) {
        return Query.query(Criteria.where("_id").is(tenant));
    }
}
