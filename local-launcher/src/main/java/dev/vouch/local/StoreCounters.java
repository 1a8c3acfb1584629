package dev.vouch.local;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the local store has done since it started, for the launcher's status and the figures of a run: commands
 * answered, and documents read and written. A scan reads every document it passes, so reads per command show
 * where a filter found no index.
 */
final class StoreCounters {

    private final LongAdder commands = new LongAdder();
    private final LongAdder documentsRead = new LongAdder();
    private final LongAdder documentsWritten = new LongAdder();

    void command() {
        commands.increment();
    }

    void read() {
        documentsRead.increment();
    }

    void written() {
        documentsWritten.increment();
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
}
