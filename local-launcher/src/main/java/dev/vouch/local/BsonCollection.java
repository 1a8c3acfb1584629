package dev.vouch.local;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A collection of the local store: the library's H2 collection, with each document held as its BSON
 * ({@link BsonBytesType}) and decoded when read, so every read hands out a copy of its own. The data size is
 * kept from the encoded lengths the writes have at hand, rather than by the library's encoding each document
 * once more (twice for an update) to measure it.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE = "dataSize";
    private static final String ID = "_id";

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Object> meta;
    private final StoreCounters.Collection counters;
    /** The string ids of the last {@code {_id: {$in: [...]}}} matched, by the identity of its list. */
    private List<?> lastIdList;
    private Set<String> lastIds;

    BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> documents,
                   MVMap<String, Object> meta, CursorRegistry cursors, StoreCounters.Collection counters) {
        super(database, name, options, cursors);
        this.documents = documents;
        this.meta = meta;
        this.counters = counters;
        meta.putIfAbsent(DATA_SIZE, 0L);
    }

    /**
     * The library checks each document an index found against the whole filter again, and for {@code $in} it
     * compares the document's value with each element in turn: a read of n ids by {@code _id $in} cost n²
     * comparisons (each normalizing both values), most of the store's time under the stream's batches. String
     * ids against a list of strings are looked up in a set instead, which is the same test; anything else goes
     * to the library's matcher.
     */
    @Override
    protected synchronized boolean documentMatchesQuery(Document document, Document query) {
        if (query.size() == 1 && query.get(ID) instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof List<?> list && document.get(ID) instanceof String id) {
            Set<String> ids = stringIds(list);
            if (ids != null) {
                return ids.contains(id);
            }
        }
        return super.documentMatchesQuery(document, query);
    }

    /** The list as a set, if it holds strings only; else null. */
    private Set<String> stringIds(List<?> list) {
        if (list != lastIdList) {
            Set<String> ids = new HashSet<>(list.size() * 2);
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    ids = null;
                    break;
                }
                ids.add(text);
            }
            lastIdList = list;
            lastIds = ids;
        }
        return lastIds;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int delta) {
        if (delta != 0) {
            synchronized (meta) {
                meta.put(DATA_SIZE, ((Number) meta.get(DATA_SIZE)).longValue() + delta);
            }
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] bson = BsonBytesType.encode(document);
        byte[] previous = documents.put(Missing.ofNullable(key), bson);
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        updateDataSize(bson.length);
        counters.written();
        return key;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        byte[] bson = BsonBytesType.encode(newDocument);
        byte[] previous = documents.put(Missing.ofNullable(position), bson);
        updateDataSize(bson.length - (previous == null ? 0 : previous.length));
        counters.written();
    }

    @Override
    protected void removeDocument(Object position) {
        byte[] removed = documents.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-removed.length);
        counters.written();
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bson = documents.get(position);
        if (bson == null) {
            return null;
        }
        counters.read();
        return BsonBytesType.decode(bson);
    }

    private Document read(byte[] bson) {
        counters.read();
        return BsonBytesType.decode(bson);
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(read(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> all = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(this::read);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
}
