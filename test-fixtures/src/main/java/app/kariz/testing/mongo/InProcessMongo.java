package app.kariz.testing.mongo;

import app.kariz.mongo.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.util.UUID;

/**
 * The embedded MongoDB (indexes and all, in memory) on a free port, with a client: what every module's tests
 * run against. Start one per test class; give each test a database of its own.
 */
public final class InProcessMongo implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final String connectionString;
    private final MongoClient client;

    private InProcessMongo(EmbeddedMongoServer server) {
        this.server = server;
        this.connectionString = server.connectionString();
        this.client = MongoClients.create(connectionString);
    }

    public static InProcessMongo start() {
        return new InProcessMongo(EmbeddedMongoServer.inMemory());
    }

    /** For {@code kariz.mongo.uri}, e.g. from a {@code @DynamicPropertySource}. */
    public String connectionString() {
        return connectionString;
    }

    public MongoClient client() {
        return client;
    }

    /** The database {@code name}, emptied first. */
    public MongoDatabase freshDatabase(String name) {
        MongoDatabase database = client.getDatabase(name);
        database.drop();
        return database;
    }

    /** A database no other test uses. */
    public MongoDatabase newDatabase() {
        return client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
