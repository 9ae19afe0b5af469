package app.kariz.deal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import app.kariz.mongo.embedded.EmbeddedMongoServer;

/** The MongoDB wire protocol served from this JVM, in memory (mongo-java-server). */
public final class InProcessMongo implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final String connectionString;
    private final MongoClient client;

    private InProcessMongo() {
        server = EmbeddedMongoServer.inMemory();
        connectionString = server.connectionString();
        client = MongoClients.create(connectionString);
    }

    public static InProcessMongo start() {
        return new InProcessMongo();
    }

    public String connectionString() {
        return connectionString;
    }

    /** A database emptied first, so a test starts from nothing. */
    public MongoDatabase emptyDatabase(String name) {
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
