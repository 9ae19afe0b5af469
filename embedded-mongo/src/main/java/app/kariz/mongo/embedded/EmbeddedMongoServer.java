package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.storage.Storage;
import de.bwaldvogel.mongo.MongoServer;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM: mongo-java-server's protocol and query engine with ordered
 * secondary indexes (so queries that real MongoDB answers from an index are answered from one here too) and,
 * when given a directory, a write-ahead journal that is on disk before any answer leaves.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /**
     * Netty threads answering connections. A command that waits for the journal holds its thread, and netty gives
     * every thread several connections, so with netty's default (twice the cores) one fsync wait would hold up
     * reads and unjournaled writes of unrelated connections. With about a thread per connection of the local
     * stack's pools, a wait holds only its own connection.
     */
    private static final int WORKER_THREADS = Integer.getInteger("kariz.embedded-mongo.worker-threads", 64);

    private final MongoServer server;
    private final String connectionString;
    private boolean closed;

    private EmbeddedMongoServer(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /** Everything in memory, gone when closed; on a free port of 127.0.0.1. */
    public static EmbeddedMongoServer inMemory() {
        return inMemory(0);
    }

    /** @param port the port on 127.0.0.1, or 0 for a free one */
    public static EmbeddedMongoServer inMemory(int port) {
        return listen(Storage.inMemory(), port);
    }

    /** Recovers what {@code directory} holds (creating it if needed) and journals every change into it. */
    public static EmbeddedMongoServer durable(Path directory, int port) {
        return listen(Storage.durable(directory.toAbsolutePath()), port);
    }

    private static EmbeddedMongoServer listen(Storage storage, int port) {
        MongoServer server = new MongoServer(new IndexedBackend(storage));
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        } catch (Exception e) { // netty rethrows a BindException without declaring it
            server.shutdownNow();
            throw new IllegalStateException("Cannot listen on 127.0.0.1:" + port, e);
        }
        return new EmbeddedMongoServer(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    /** For the MongoDB driver: {@code mongodb://127.0.0.1:PORT}. */
    public String connectionString() {
        return connectionString;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** Stops listening and closing connections first, so no write races the final checkpoint. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.shutdown();
        }
    }
}
