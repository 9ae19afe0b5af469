package app.kariz.activity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A MongoDB wire-protocol server in this JVM, in memory, for one test class. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;
    private final MongoClient client;

    private InProcessMongo(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
        this.client = MongoClients.create(connectionString);
    }

    public static InProcessMongo start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        return new InProcessMongo(server, server.bindAndGetConnectionString());
    }

    public String connectionString() {
        return connectionString;
    }

    public MongoClient client() {
        return client;
    }

    /** An emptied database, so each test starts from nothing. */
    public MongoDatabase freshDatabase(String name) {
        MongoDatabase database = client.getDatabase(name);
        database.drop();
        return database;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
