package app.kariz.activity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import app.kariz.mongo.embedded.EmbeddedMongoServer;

/** A MongoDB wire-protocol server in this JVM, in memory, for one test class. */
public final class InProcessMongo implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final String connectionString;
    private final MongoClient client;

    private InProcessMongo(EmbeddedMongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
        this.client = MongoClients.create(connectionString);
    }

    public static InProcessMongo start() {
        EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
        return new InProcessMongo(server, server.connectionString());
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
        server.close();
    }
}
