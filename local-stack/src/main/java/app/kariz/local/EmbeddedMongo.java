package app.kariz.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) running in this JVM on 127.0.0.1, storing its
 * databases in one H2 MVStore file that survives restarts.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Opens (or creates) the H2 file and starts accepting connections.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedMongo start(Path h2File, int port) {
        Path file = h2File.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
        return listen(new MongoServer(new H2Backend(file.toString())), port);
    }

    /** Keeps everything in memory: gone at the end, but no (de)serialising of documents on every scan. */
    public static EmbeddedMongo startInMemory(int port) {
        return listen(new MongoServer(new MemoryBackend()), port);
    }

    private static EmbeddedMongo listen(MongoServer server, int port) {
        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) { // netty rethrows a BindException without declaring it
            server.shutdownNow(); // releases the H2 file lock and netty's threads
            throw new IllegalStateException("Cannot listen on 127.0.0.1:" + port, e);
        }
        return new EmbeddedMongo(server, server.getLocalAddress().getPort());
    }

    /** The connection string for the MongoDB driver, {@code mongodb://127.0.0.1:PORT}. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops listening, closes client connections, then commits and closes the H2 file. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            // Closes the H2 backend only after the network threads are gone, so no write races the close.
            server.shutdown();
        }
    }
}
