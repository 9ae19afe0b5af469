package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.index.OrderedSecondaryIndex;
import app.kariz.mongo.embedded.query.QueryPlan;
import app.kariz.mongo.embedded.query.QueryPlanner;
import app.kariz.mongo.embedded.storage.CollectionStore;
import app.kariz.mongo.embedded.storage.DocumentCodec;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A collection whose documents live in a {@link CollectionStore} and whose queries are planned over its indexes. */
final class IndexedCollection extends AbstractSynchronizedMongoCollection<Integer> {

    private static final Logger log = LoggerFactory.getLogger(IndexedCollection.class);
    /**
     * A scan of a collection this large, or a query that examines this many documents, is worth a line in the
     * debug log: it is the cost indexes exist to avoid.
     */
    private static final int LOGGED_SCAN_SIZE = Integer.getInteger("kariz.embedded-mongo.logged-examined", 1_000);

    private final CollectionStore store;

    IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      CursorRegistry cursorRegistry, CollectionStore store) {
        super(database, collectionName, options, cursorRegistry);
        this.store = store;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        QueryPlan plan = QueryPlanner.plan(query, orderBy, limit, getIndexes());
        if (plan == null) {
            if (log.isDebugEnabled() && store.count() >= LOGGED_SCAN_SIZE) {
                log.debug("Scanning {} ({} documents) for {} sorted by {}", getFullName(), store.count(), query, orderBy);
            }
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        int[] examined = new int[1];
        Stream<Document> candidates = StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(plan.positions(), Spliterator.ORDERED), false)
                .map(position -> {
                    examined[0]++;
                    return getDocument(position);
                });
        QueryResult result = matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize,
                plan.inSortOrder() ? null : deriveComparator(orderBy), fieldSelector);
        // What MongoDB's profiler calls docsExamined: many read for few returned means the index serves it badly.
        if (examined[0] >= LOGGED_SCAN_SIZE && log.isDebugEnabled()) {
            log.debug("Examined {} documents of {} for {} sorted by {}", examined[0], getFullName(), query, orderBy);
        }
        return result;
    }

    /** The candidates of an aggregation's leading {@code $match}; the stage itself still filters them. */
    Stream<Document> candidates(Document match) {
        synchronized (this) {
            return queryDocuments(match, null, 0, 0, 0, null).collectDocuments().stream();
        }
    }

    @Override
    public Stream<Document> queryAllAsStream() {
        Document match = AggregationMatch.current(getCollectionName());
        return match == null ? super.queryAllAsStream() : candidates(match);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        IntStream positions = IntStream.range(0, store.slotCount());
        if (isNaturalDescending(orderBy)) {
            int last = store.slotCount() - 1;
            positions = positions.map(position -> last - position);
        }
        Stream<Document> documents = positions.mapToObj(store::get)
                .filter(bytes -> bytes != null)
                .map(DocumentCodec::decode);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public synchronized int count(Document query, int skip, int limit) {
        return super.count(query, skip, limit);
    }

    @Override
    public synchronized void removeDocument(Document document) {
        Integer position = positionOf(document);
        if (position == null) {
            return;
        }
        for (Index<Integer> index : getIndexes()) {
            if (index instanceof OrderedSecondaryIndex secondary) {
                secondary.remove(document, position);
            } else {
                index.remove(document);
            }
        }
        store.remove(position);
    }

    private Integer positionOf(Document document) {
        for (Index<Integer> index : getIndexes()) {
            if (index.isUnique()) {
                Integer position = index.getPosition(document);
                if (position != null) {
                    return position;
                }
            }
        }
        return findDocumentPosition(document);
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        return store.add(DocumentCodec.encode(document));
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        store.replace(position, DocumentCodec.encode(newDocument));
    }

    @Override
    protected void removeDocument(Integer position) {
        store.remove(position);
    }

    @Override
    protected Document getDocument(Integer position) {
        return DocumentCodec.decode(store.get(position));
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return IntStream.range(0, store.slotCount())
                .filter(position -> store.get(position) != null)
                .mapToObj(position -> new DocumentWithPosition<>(getDocument(position), position));
    }

    @Override
    protected boolean tracksDataSize() {
        return false; // the store counts its bytes exactly, without encoding every document once more
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // see tracksDataSize
    }

    @Override
    protected int getDataSize() {
        return (int) Math.min(Integer.MAX_VALUE, store.dataSize());
    }

    @Override
    public int count() {
        return store.count();
    }

    @Override
    public boolean isEmpty() {
        return store.count() == 0;
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        super.renameTo(newDatabase, newCollectionName);
        store.renameTo(getFullName());
    }

    @Override
    public synchronized void drop() {
        super.drop();
        store.drop();
    }
}
