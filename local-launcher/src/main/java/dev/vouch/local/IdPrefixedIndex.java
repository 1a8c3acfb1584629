package dev.vouch.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A unique index whose first key is {@code _id}, such as {@code (_id, version)} for compare-and-set writes. It
 * is unique by construction (no two documents share an {@code _id}) and a query on exactly its fields finds its
 * one candidate by {@code _id}, so it keeps no entries of its own: the library's index kept a second map that
 * every versioned update wrote twice (the old key out, the new key in) beside the one write of the document.
 * The query's other fields are checked against the document, as for any index.
 */
final class IdPrefixedIndex extends Index<Object> {

    private static final String ID = "_id";

    private final Supplier<Index<Object>> idIndex;

    /** @param idIndex the collection's {@code _id} index, looked up when first needed (indexes open in any order) */
    IdPrefixedIndex(String name, List<IndexKey> keys, boolean sparse, Supplier<Index<Object>> idIndex) {
        super(name, keys, sparse);
        if (!covers(keys)) {
            throw new IllegalArgumentException("Not an index that starts with _id: " + keys);
        }
        this.idIndex = idIndex;
    }

    /** Whether the library's index over {@code keys} may be kept as this one. */
    static boolean covers(List<IndexKey> keys) {
        return keys.size() > 1 && keys.get(0).getKey().equals(ID);
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    /** The position the store gives a document is its {@code _id}, as the {@code _id} index holds it. */
    @Override
    public Object getPosition(Document document) {
        return document.get(ID);
    }

    @Override
    public Object remove(Document document) {
        return document.get(ID);
    }

    /**
     * Exactly this index's fields, each an equality with a value (the library's rule for a compound unique
     * index); a pattern is left to the matcher.
     */
    @Override
    public boolean canHandle(Document query) {
        if (!query.keySet().equals(keySet())) {
            return false;
        }
        if (isSparse() && query.values().stream().allMatch(Objects::isNull)) {
            return false;
        }
        return query.values().stream().noneMatch(value -> value instanceof Document
                || BsonRegularExpression.isRegularExpression(value));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return idIndex.get().getPositions(new Document(ID, query.get(ID)));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Unique with its _id.
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        // Nothing kept.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Unique with its _id, which an update cannot change.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        // Nothing kept.
    }

    @Override
    public long getCount() {
        Index<Object> id = idIndex.get();
        return id == null ? 0 : id.getCount();
    }

    /** Never filled from the documents, which the library does for an index that says it is empty. */
    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        // Nothing kept.
    }
}
