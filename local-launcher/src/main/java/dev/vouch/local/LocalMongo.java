package dev.vouch.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) backed by an H2 MVStore file in the data folder, so data
 * survives restarts. The page cache is sized so that the collections a school's use produces stay in memory.
 */
final class LocalMongo implements AutoCloseable {

    private static final int CACHE_MB = 128;

    private final MongoServer server;
    private final H2Backend backend;
    private final int port;

    private LocalMongo(MongoServer server, H2Backend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    static LocalMongo start(Path dataDir, int port) {
        Path folder = dataDir.resolve("mongo");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(folder.resolve("vouch.mv").toString())
                .cacheSize(CACHE_MB)
                .open();
        H2Backend backend = new H2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new LocalMongo(server, backend, port);
    }

    String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
