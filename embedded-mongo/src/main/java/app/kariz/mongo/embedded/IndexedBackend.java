package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.storage.Storage;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's command handling over {@link IndexedDatabase}s. No answer leaves before the changes it
 * could reflect are on disk: a write is acknowledged only once journaled, and a read never shows a change that a
 * crash could still take back.
 */
final class IndexedBackend extends AbstractMongoBackend {

    private final Storage storage;

    IndexedBackend(Storage storage) {
        this.storage = storage;
        for (String database : storage.recoveredDatabases()) {
            resolveDatabase(database);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName, getCursorRegistry(), storage);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            storage.awaitDurable();
        }
    }

    @Override
    public void close() {
        super.close();
        storage.close();
    }
}
