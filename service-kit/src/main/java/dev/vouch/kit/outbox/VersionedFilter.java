package dev.vouch.kit.outbox;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The filter of a compare-and-set write: the document with this {@code _id}, still at the version it was read
 * at, as the plain document {@code {_id: id, field: version}}. The driver's {@code Filters.and} would send
 * {@code {$and: [...]}}, which the in-process Mongo server cannot match to the unique index on exactly
 * {@code (_id, field)} and answers by scanning the whole collection; MongoDB serves either form by {@code _id}.
 */
public final class VersionedFilter {

    private VersionedFilter() {
    }

    public static Bson of(Object id, String field, Object version) {
        return new Document("_id", id).append(field, version);
    }
}
