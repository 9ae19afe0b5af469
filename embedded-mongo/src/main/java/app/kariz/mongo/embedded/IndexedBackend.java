package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.storage.Storage;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's command handling over {@link IndexedDatabase}s. No answer leaves before the changes it
 * could reflect are on disk: a write is acknowledged only once journaled, and a read never shows a journaled change
 * that a crash could still take back. The exception is what its writer asked for: a write with write concern
 * {@code j: false} is acknowledged once applied and may be seen before it is on disk (see
 * {@link Storage#relaxingDurability}).
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
        if (unjournaled(query)) {
            // Acknowledged once applied, as MongoDB acknowledges {j: false}; nothing to wait for.
            return storage.relaxingDurability(() -> super.handleCommand(channel, databaseName, command, query));
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            storage.awaitDurable();
        }
    }

    /** A write sent with write concern {@code j: false} (or {@code w: 0}): its writer does not wait for the disk. */
    private static boolean unjournaled(Document query) {
        if (!(query.get("writeConcern") instanceof Document concern)) {
            return false;
        }
        return Boolean.FALSE.equals(concern.get("j")) || concern.get("w") instanceof Number w && w.intValue() == 0;
    }

    @Override
    public void close() {
        super.close();
        storage.close();
    }
}
