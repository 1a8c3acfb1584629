package dev.vouch.request.ferpa;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who read whose report when: every advisor read of another student's writers report. Stored as one document
 * per institution and UTC day ({@code _id = <tenant>/<yyyy-MM-dd>}), each read appended with {@code $push}: a
 * read of a day range addresses its documents by {@code _id}, and nothing is ever updated in place.
 */
@Component
public class AccessLog {

    static final String COLLECTION = "ferpa_access_log";
    /** An operator reads at most this many days at once. */
    public static final int MAX_DAYS = 31;

    private final MongoTemplate mongo;

    AccessLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One read: by whom (the advisor's subject), of whose records, which report, when. */
    public record Access(String reader, String studentId, String report, Instant at) {
    }

    record Day(String id, String tenant, String day, List<Access> reads) {
    }

    public void record(String tenant, Access access) {
        String day = LocalDate.ofInstant(access.at(), ZoneOffset.UTC).toString();
        mongo.upsert(Query.query(Criteria.where("_id").is(tenant + "/" + day)),
                new Update().setOnInsert("tenant", tenant).setOnInsert("day", day).push("reads", access),
                COLLECTION);
    }

    /** The reads of the institution from {@code from} to {@code to} (UTC days, both included), oldest first. */
    public List<Access> read(String tenant, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ids.add(tenant + "/" + day);
        }
        List<Access> reads = new ArrayList<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Day.class, COLLECTION)
                .forEach(day -> reads.addAll(day.reads() == null ? List.of() : day.reads()));
        reads.sort(Comparator.comparing(Access::at).thenComparing(Access::reader).thenComparing(Access::studentId));
        return reads;
    }
}
