package app.kariz.mongo.embedded.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A non-unique index: one entry per document (per array element for an array value), ordered by the key values
 * and then by the document's position, so equal keys keep the documents' storage order.
 */
public final class OrderedSecondaryIndex extends Index<Integer> implements ScannableIndex {

    private record Entry(Object[] values, int position) {
    }

    private final NavigableSet<Entry> entries;
    private volatile boolean multikey;

    public OrderedSecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        IndexOrder order = new IndexOrder(keys);
        // One comparator, not a chain of them: the skip list calls it a few dozen times per write and read.
        entries = new ConcurrentSkipListSet<>((left, right) -> {
            int byValues = order.compare(left.values(), right.values());
            return byValues != 0 ? byValues : Integer.compare(left.position(), right.position());
        });
    }

    @Override
    public List<IndexKey> indexKeys() {
        return getKeys();
    }

    @Override
    public boolean isMultikey() {
        return multikey;
    }

    @Override
    public boolean isPartial() {
        return isSparse();
    }

    private boolean skipped(Document document) {
        return isSparse() && getKeys().stream().noneMatch(key -> hasValue(document, key.getKey()));
    }

    private static boolean hasValue(Document document, String key) {
        return !(de.bwaldvogel.mongo.backend.Utils.getSubdocumentValue(document, key)
                instanceof de.bwaldvogel.mongo.backend.Missing);
    }

    @Override
    public void add(Document document, Integer position, MongoCollection<Integer> collection) {
        if (skipped(document)) {
            return;
        }
        if (!multikey && KeyExtraction.hasArray(document, getKeys())) {
            multikey = true;
        }
        for (KeyValue key : getKeyValues(document)) {
            entries.add(new Entry(key.stream().toArray(), position));
        }
    }

    /** Removes the document's entries; the collection knows the position, a non-unique key alone does not. */
    public void remove(Document document, int position) {
        if (skipped(document)) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            entries.remove(new Entry(key.stream().toArray(), position));
        }
    }

    @Override
    public Integer remove(Document document) {
        throw new UnsupportedOperationException("A secondary index removes by document and position");
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                              MongoCollection<Integer> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument, position);
            add(newDocument, position, collection);
        }
    }

    @Override
    public Iterator<Integer> scan(Object[] low, Object[] high, boolean reverse) {
        NavigableSet<Entry> range = entries.subSet(new Entry(low, Integer.MIN_VALUE), true,
                new Entry(high, Integer.MAX_VALUE), true);
        Iterator<Entry> inOrder = (reverse ? range.descendingSet() : range).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inOrder.hasNext();
            }

            @Override
            public Integer next() {
                return inOrder.next().position();
            }
        };
    }

    @Override
    public long entryCount() {
        return entries.size();
    }

    @Override
    public Integer getPosition(Document document) {
        return null; // not unique: the _id index answers where a document is
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        getKeyValues(document); // rejects parallel arrays before anything is stored
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // the planner scans it; the engine's own per-index lookup is not used
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return entries.size();
    }

    @Override
    public void drop() {
        entries.clear();
    }
}
