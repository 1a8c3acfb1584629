package dev.vouch.local;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) backed by an H2 MVStore file in the data folder. Every
 * acknowledged write is committed to the file first ({@link GroupCommit}), so it survives a crash of the launcher.
 * The page cache is sized so that the collections a school's use produces stay in memory.
 */
final class LocalMongo implements AutoCloseable {

    private static final int CACHE_MB = 128;
    /** Threads answering clients; a thread waits for its command's commit, so more threads mean larger groups. */
    private static final int WORKER_THREADS = 16;

    static {
        // The server's BSON codec reads and writes byte by byte, and Netty checks the buffer's reference count (a
        // volatile read) at each: a quarter of the store's time under load. Bounds are still checked.
        if (System.getProperty("io.netty.buffer.checkAccessible") == null) {
            System.setProperty("io.netty.buffer.checkAccessible", "false");
        }
    }

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final GroupCommit groupCommit;
    private final int port;

    private LocalMongo(MongoServer server, DurableH2Backend backend, GroupCommit groupCommit, int port) {
        this.server = server;
        this.backend = backend;
        this.groupCommit = groupCommit;
        this.port = port;
    }

    static LocalMongo start(Path dataDir, int port, boolean fsync) {
        Path folder = dataDir.resolve("mongo");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(folder.resolve("vouch.mv").toString())
                .cacheSize(CACHE_MB)
                .autoCommitDisabled() // the group commit is the only writer: no second, unsynchronised one
                .open();
        GroupCommit groupCommit = new GroupCommit(store, fsync);
        DurableH2Backend backend = new DurableH2Backend(store, groupCommit);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("localhost", port), 1, WORKER_THREADS);
        return new LocalMongo(server, backend, groupCommit, port);
    }

    String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    long commits() {
        return groupCommit.commits();
    }

    StoreCounters counters() {
        return backend.counters();
    }

    @Override
    public void close() {
        server.shutdown();
        groupCommit.close();
        backend.close();
    }
}
