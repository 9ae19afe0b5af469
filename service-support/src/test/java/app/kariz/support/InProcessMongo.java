package app.kariz.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import app.kariz.mongo.embedded.EmbeddedMongoServer;

import java.util.UUID;

/** The MongoDB wire protocol served from this JVM, in memory (mongo-java-server), for one test class. */
public final class InProcessMongo implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;

    private InProcessMongo() {
        server = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    public static InProcessMongo start() {
        return new InProcessMongo();
    }

    public MongoClient client() {
        return client;
    }

    /** A database no other test uses, so a test starts from nothing. */
    public MongoDatabase newDatabase() {
        return client.getDatabase("test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
