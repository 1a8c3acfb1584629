package dev.vouch.local;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, answering a command only once what it wrote (or read of others' writes) is
 * committed to the file. The library itself leaves committing to the MVStore's background writer, about once
 * a second, so a crash lost the writes of the last second although each had been acknowledged.
 */
final class DurableH2Backend extends H2Backend {

    private final GroupCommit groupCommit;

    DurableH2Backend(MVStore store, GroupCommit groupCommit) {
        super(store);
        this.groupCommit = groupCommit;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
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
}
