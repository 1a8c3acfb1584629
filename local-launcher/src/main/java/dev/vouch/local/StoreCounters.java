package dev.vouch.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the local store has done since it started, for the launcher's status and the figures of a run: commands
 * answered, and documents read and written. A scan reads every document it passes, so reads per command show
 * where a filter found no index; by collection too, to see which one a load reads or writes most.
 */
final class StoreCounters {

    private final ConcurrentMap<String, Collection> collections = new ConcurrentHashMap<>();
    private final LongAdder commands = new LongAdder();
    private final LongAdder documentsRead = new LongAdder();
    private final LongAdder documentsWritten = new LongAdder();

    void command() {
        commands.increment();
    }

    /** The counters of one collection ({@code database.collection}); its reads and writes count here too. */
    Collection collection(String namespace) {
        return collections.computeIfAbsent(namespace, name -> new Collection());
    }

    /** Documents read and written by collection, by name. */
    Map<String, long[]> byCollection() {
        Map<String, long[]> counts = new TreeMap<>();
        collections.forEach((namespace, counters) ->
                counts.put(namespace, new long[] {counters.read.sum(), counters.written.sum()}));
        return counts;
    }

    long commands() {
        return commands.sum();
    }

    long documentsRead() {
        return documentsRead.sum();
    }

    long documentsWritten() {
        return documentsWritten.sum();
    }

    final class Collection {

        private final LongAdder read = new LongAdder();
        private final LongAdder written = new LongAdder();

        void read() {
            read.increment();
            documentsRead.increment();
        }

        void written() {
            written.increment();
            documentsWritten.increment();
        }
    }
}
