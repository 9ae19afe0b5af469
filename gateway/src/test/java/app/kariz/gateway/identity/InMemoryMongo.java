package app.kariz.gateway.identity;

import com.mongodb.client.MongoClients;
import app.kariz.mongo.embedded.EmbeddedMongoServer;

/** An identity store on an in-memory MongoDB wire server, for tests of the store without a gateway. */
final class InMemoryMongo implements AutoCloseable {

    private final EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
    private final IdentityStore store;

    InMemoryMongo() {
        store = new IdentityStore(MongoClients.create(server.connectionString()), "kariz_identity");
        store.createIndexes();
    }

    IdentityStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        server.close();
    }
}
