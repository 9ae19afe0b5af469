package app.kariz.mongo.embedded;

import app.kariz.mongo.embedded.index.OrderedSecondaryIndex;
import app.kariz.mongo.embedded.query.QueryPlan;
import app.kariz.mongo.embedded.query.QueryPlanner;
import app.kariz.mongo.embedded.storage.CollectionStore;
import app.kariz.mongo.embedded.storage.DocumentCodec;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
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
        if (limit == 0 && numberToSkip == 0 && batchSize > 0 && plan.inSortOrder()
                && (fieldSelector == null || fieldSelector.isEmpty())) {
            return inBatches(candidates.filter(Objects::nonNull)
                    .filter(document -> documentMatchesQuery(document, query)).iterator(), batchSize);
        }
        QueryResult result = matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize,
                plan.inSortOrder() ? null : deriveComparator(orderBy), fieldSelector);
        // What MongoDB's profiler calls docsExamined: many read for few returned means the index serves it badly.
        if (examined[0] >= LOGGED_SCAN_SIZE && log.isDebugEnabled()) {
            log.debug("Examined {} documents of {} for {} sorted by {}", examined[0], getFullName(), query, orderBy);
        }
        return result;
    }

    /**
     * A query without a limit that asks for its results in batches, in the order of the index that serves it: read
     * as a real MongoDB cursor reads, one batch per request, instead of matching the whole range at once. Axon's
     * tracking query is such a query (it ends where the store ends and takes one batch): matched at once, every
     * fetch of a processor that is behind would read everything it has still to read.
     *
     * <p>{@code matching} is lazy (a stream's iterator pulls one index entry at a time), so later batches go on
     * from the same index entries, under the collection's lock like every other read; like a MongoDB cursor, they
     * see what was written since, as the index order places it, and skip what was deleted.
     */
    private QueryResult inBatches(Iterator<Document> matching, int batchSize) {
        List<Document> first = take(matching, batchSize);
        if (!matching.hasNext()) {
            return new QueryResult(first);
        }
        Cursor rest = new BatchedCursor(cursorRegistry.generateCursorId(), matching);
        cursorRegistry.add(rest);
        return new QueryResult(first, rest);
    }

    private static List<Document> take(Iterator<Document> matching, int count) {
        List<Document> batch = new ArrayList<>();
        while ((count <= 0 || batch.size() < count) && matching.hasNext()) {
            batch.add(matching.next());
        }
        return batch;
    }

    /** The rest of an {@link #inBatches} query. */
    private final class BatchedCursor extends AbstractCursor {
        private final Iterator<Document> matching;

        BatchedCursor(long id, Iterator<Document> matching) {
            super(id);
            this.matching = matching;
        }

        @Override
        public boolean isEmpty() {
            synchronized (IndexedCollection.this) {
                return !matching.hasNext();
            }
        }

        /** {@code numberToReturn} 0: all that is left, as the driver's getMore without a batch size asks. */
        @Override
        public List<Document> takeDocuments(int numberToReturn) {
            synchronized (IndexedCollection.this) {
                return take(matching, numberToReturn);
            }
        }
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
        // Null for a slot emptied since an index entry for it was read (a batched cursor reads on later).
        byte[] stored = store.get(position);
        return stored == null ? null : DocumentCodec.decode(stored);
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
