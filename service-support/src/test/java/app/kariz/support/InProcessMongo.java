package app.kariz.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.UUID;

/** The MongoDB wire protocol served from this JVM, in memory (mongo-java-server), for one test class. */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private InProcessMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
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
        server.shutdownNow();
    }
}
