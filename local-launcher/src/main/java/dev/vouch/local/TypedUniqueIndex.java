package dev.vouch.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A unique index in the store file whose keys are {@link KeyValueType}s; otherwise as the library's own.
 *
 * <p>Every write asks each index for the document's key several times (an insert checks, then checks again and
 * adds; an update compares old and new keys twice, looks up the position, checks, removes and adds), and the
 * library derives it each time by splitting every key path and collecting the values through streams: about
 * 15 % of the launcher's samples through Kafka. For the indexes Vouch has, on top-level fields holding
 * a single value, the key is read straight from the document and each check is one lookup; a key on a nested
 * path or on an array (one index entry per element) goes the library's way.
 *
 * <p>The library's index answers only a query on exactly its keys. This one also serves, in the order its keys
 * are kept, a query that names its leading keys by string values, optionally followed by an upper bound in time
 * on the next key ({@code $lt} or {@code $lte} a date), whatever else the query names: a student's records under
 * {@code (tenant, studentId, ..., _id)}, what is due under {@code (fireAt, _id)}. It hands out the positions of
 * that stretch of keys and stops at its end, and the library checks each document against the whole query, as
 * for any index; so a read costs the documents of that stretch, not the collection's.
 */
final class TypedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;
    /** Whether every key is a top-level field, so its value is one {@code get} away. */
    private final boolean topLevel;

    TypedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.topLevel = keys.stream().noneMatch(key -> key.getKey().contains("."));
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || Stretch.of(this, query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Stretch stretch = super.canHandle(query) ? null : Stretch.of(this, query);
        if (stretch == null) {
            return super.getPositions(query);
        }
        if (stretch.prefix().size() == getKeys().size()) {
            // The whole key, and more fields: one lookup, as for a compare-and-set by (_id, version).
            Object position = map.get(new KeyValue(stretch.prefix()));
            return position == null ? List.of() : List.of(position);
        }
        return () -> new StretchPositions(stretch);
    }

    /**
     * The keys a query reaches in order: those starting with {@code prefix} and, when {@code bound} is set, whose
     * next value is not a date after it (or at it, for {@code $lt}).
     */
    private record Stretch(List<Object> prefix, Instant bound, boolean strict) {

        /** The query's stretch of the index, or null when it names neither a leading key nor a bound on it. */
        static Stretch of(TypedUniqueIndex index, Document query) {
            if (!index.topLevel) {
                return null;
            }
            List<IndexKey> keys = index.getKeys();
            List<Object> prefix = new ArrayList<>(keys.size());
            while (prefix.size() < keys.size() && query.get(keys.get(prefix.size()).getKey()) instanceof String value) {
                prefix.add(value);
            }
            if (prefix.size() < keys.size() && query.get(keys.get(prefix.size()).getKey()) instanceof Document condition
                    && condition.size() == 1) {
                boolean strict = condition.containsKey("$lt");
                if ((strict || condition.containsKey("$lte"))
                        && condition.get(strict ? "$lt" : "$lte") instanceof Instant bound) {
                    return new Stretch(prefix, bound, strict);
                }
            }
            return prefix.isEmpty() ? null : new Stretch(prefix, null, false);
        }

        boolean holds(KeyValue key) {
            for (int i = 0; i < prefix.size(); i++) {
                if (KeyValueType.INSTANCE.compareValues(key.get(i), prefix.get(i)) != 0) {
                    return false;
                }
            }
            if (bound != null && key.get(prefix.size()) instanceof Instant at) {
                int order = at.compareTo(bound);
                return strict ? order < 0 : order <= 0;
            }
            return true;
        }
    }

    /**
     * The positions of a stretch, read from its first key until a key outside it. A document with an array
     * value has an entry per element, so a position is handed out once.
     */
    private final class StretchPositions implements Iterator<Object> {

        private final Stretch stretch;
        private final Cursor<KeyValue, Object> cursor;
        private final Set<Object> seen = new HashSet<>();
        private Object next;
        private boolean ended;

        StretchPositions(Stretch stretch) {
            this.stretch = stretch;
            this.cursor = map.cursor(stretch.prefix().isEmpty() ? null : new KeyValue(stretch.prefix()));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !ended) {
                if (!cursor.hasNext() || !stretch.holds(cursor.next())) {
                    ended = true;
                } else if (seen.add(cursor.getValue())) {
                    next = cursor.getValue();
                }
            }
            return next != null;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object position = next;
            next = null;
            return position;
        }
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue key = singleKey(document);
        return key != null ? Set.of(key) : super.getKeyValues(document);
    }

    @Override
    public Object getPosition(Document document) {
        KeyValue key = singleKey(document);
        return key != null ? map.get(key) : super.getPosition(document);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        KeyValue key = singleKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (!sparseWithoutValue(document) && map.containsKey(key)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    /** Adds the document's key; the check and the put are one {@code putIfAbsent}, which changes nothing on a clash. */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        KeyValue key = singleKey(document);
        if (key == null) {
            super.add(document, position, collection);
        } else if (!sparseWithoutValue(document) && !putKeyPosition(key, position)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        KeyValue oldKey = singleKey(oldDocument);
        KeyValue newKey = singleKey(newDocument);
        if (oldKey == null || newKey == null) {
            super.checkUpdate(oldDocument, newDocument, collection);
            return;
        }
        if (oldKey.equals(newKey) || sparseWithoutValue(newDocument)) {
            return;
        }
        Object holder = map.get(newKey);
        if (holder != null && !holder.equals(map.get(oldKey))) {
            throw new DuplicateKeyError(this, collection, getKeys(), newKey);
        }
    }

    /**
     * The document's one key, normalized as the library normalizes it (numbers as doubles, so 1 and 1.0 clash),
     * or null when it must be derived the library's way: a nested key, or an array value.
     */
    private KeyValue singleKey(Document document) {
        if (!topLevel) {
            return null;
        }
        List<IndexKey> keys = getKeys();
        List<Object> values = new ArrayList<>(keys.size());
        boolean plain = true;
        for (IndexKey key : keys) {
            Object value = document.getOrMissing(key.getKey());
            if (value instanceof Collection<?>) {
                return null;
            }
            plain &= value instanceof String;
            values.add(value);
        }
        KeyValue key = new KeyValue(values);
        return plain ? key : key.normalized();
    }

    /** A sparse index leaves out documents that have none of its fields. */
    private boolean sparseWithoutValue(Document document) {
        if (!isSparse()) {
            return false;
        }
        for (IndexKey key : getKeys()) {
            if (document.containsKey(key.getKey())) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
