package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.index.OrderedSecondaryIndex;
import app.kariz.mongo.embedded.index.OrderedUniqueIndex;
import app.kariz.mongo.embedded.storage.Storage;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

import java.util.List;

/** A database whose collections keep their documents in {@link Storage} and whose indexes are all ordered. */
final class IndexedDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final Storage storage;

    IndexedDatabase(String databaseName, CursorRegistry cursorRegistry, Storage storage) {
        super(databaseName, cursorRegistry);
        this.storage = storage;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Integer> openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IndexedCollection(this, collectionName, options, cursorRegistry,
                storage.open(getFullCollectionNamespace(collectionName)));
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return new OrderedUniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
        return new OrderedSecondaryIndex(indexName, keys, sparse);
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (!command.equalsIgnoreCase("aggregate")) {
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }
        AggregationMatch.begin(query);
        try {
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        } finally {
            AggregationMatch.clear();
        }
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }
}
