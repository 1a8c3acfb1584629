package dev.vouch.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mongo-java-server's H2 backend, answering a command only once what it wrote (or read of others' writes) is
 * committed to the file. The library itself leaves committing to the MVStore's background writer, about once
 * a second, so a crash lost the writes of the last second although each had been acknowledged. Its unique
 * indexes keep their keys typed ({@link KeyValueType}), so a lookup by {@code _id} or by a unique index costs
 * comparisons of strings and numbers rather than of serialized objects; one that starts with {@code _id} keeps
 * no entries at all ({@link IdPrefixedIndex}); and its documents are kept as BSON ({@link BsonCollection}).
 */
final class DurableH2Backend extends H2Backend {

    private final GroupCommit groupCommit;
    /** Made on first use, as {@link #idIndexes}: collections opened from the library's constructor count too. */
    private StoreCounters counters;
    /**
     * Each collection's {@code _id} index, by namespace, for the indexes that start with {@code _id}. Made on
     * first use, without an initializer: the library opens the stored databases from within its constructor,
     * before this class's initializers would run (and an initializer would then empty it again).
     */
    private Map<String, Index<Object>> idIndexes;

    DurableH2Backend(MVStore store, GroupCommit groupCommit) {
        super(store);
        this.groupCommit = groupCommit;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        counters().command();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Also after a failed command: an ordered bulk write that stopped at a duplicate key made the writes before it.
            // And after a read that may have seen another client's uncommitted write: nothing leaves the store undurable.
            if (groupCommit.uncommitted()) {
                groupCommit.await();
            }
        }
    }

    synchronized StoreCounters counters() {
        if (counters == null) {
            counters = new StoreCounters();
        }
        return counters;
    }

    private synchronized Map<String, Index<Object>> idIndexes() {
        if (idIndexes == null) {
            idIndexes = new ConcurrentHashMap<>();
        }
        return idIndexes;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * The library's database with typed unique indexes. An inner class: the library opens a database's indexes
     * from within its constructor, and an inner class already knows its backend (and the store) by then.
     */
    private final class Database extends H2Database {

        private static final String LEGACY_INDEX = "._index_";
        private static final String TYPED_INDEX = "._typed_index_";
        /** The library's names for a collection's documents and its metadata, before the namespace. */
        private static final String DATA = "databases.";
        private static final String META = "meta.";
        /** After the namespace, for documents kept as BSON ({@code $} cannot appear in a collection's name). */
        private static final String BSON = "$bson";

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            // A store written before keys were typed: its index is dropped here and rebuilt from the documents
            // (the library fills an empty index when it adds it to the collection).
            if (store.hasMap(namespace + LEGACY_INDEX + indexName)) {
                store.removeMap(namespace + LEGACY_INDEX + indexName);
            }
            if (IdPrefixedIndex.covers(keys)) {
                // Kept with entries of its own by an earlier store: they are not needed.
                if (store.hasMap(namespace + TYPED_INDEX + indexName)) {
                    store.removeMap(namespace + TYPED_INDEX + indexName);
                }
                return new IdPrefixedIndex(indexName, keys, sparse, () -> idIndexes().get(namespace));
            }
            MVMap<KeyValue, Object> map = store.openMap(namespace + TYPED_INDEX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            TypedUniqueIndex index = new TypedUniqueIndex(map, indexName, keys, sparse);
            if (keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
                idIndexes().put(namespace, index);
            }
            return index;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, byte[]> documents = openDocuments(namespace);
            // A store written before documents were kept as BSON: they are copied over, then the old map goes.
            // Interrupted half-way, the old map is still there and the next start copies it again.
            if (store.hasMap(DATA + namespace)) {
                MVMap<Object, Document> legacy = store.openMap(DATA + namespace);
                legacy.forEach((id, document) -> documents.put(id, BsonBytesType.encode(document)));
                store.removeMap(legacy);
            }
            MVMap<String, Object> meta = store.openMap(META + namespace);
            return new BsonCollection(this, collectionName, options, documents, meta, getCursorRegistry(),
                    counters().collection(namespace));
        }

        private MVMap<Object, byte[]> openDocuments(String namespace) {
            return getMvStore().openMap(DATA + namespace + BSON,
                    new MVMap.Builder<Object, byte[]>().valueType(BsonBytesType.INSTANCE));
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap(openDocuments(getFullCollectionNamespace(collectionName)));
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            // The library renames its own maps (empty here) and re-registers the collection; the documents follow.
            String from = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            getMvStore().renameMap(openDocuments(from), DATA + getFullCollectionNamespace(newCollectionName) + BSON);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String map = getFullCollectionNamespace(collection.getCollectionName()) + TYPED_INDEX + indexName;
            if (getMvStore().hasMap(map)) {
                getMvStore().removeMap(map);
            }
        }
    }
}
