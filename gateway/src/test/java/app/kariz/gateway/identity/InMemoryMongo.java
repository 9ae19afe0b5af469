package app.kariz.gateway.identity;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** An identity store on an in-memory MongoDB wire server, for tests of the store without a gateway. */
final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final IdentityStore store;

    InMemoryMongo() {
        server.bind("127.0.0.1", 0);
        store = new IdentityStore(MongoClients.create(server.getConnectionString()), "kariz_identity");
        store.createIndexes();
    }

    IdentityStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        server.shutdownNow();
    }
}
