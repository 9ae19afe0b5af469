package app.kariz.mongo.embedded.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A unique index (the _id index among them), kept in key order so that ranges and sorts can be read from it;
 * uniqueness, sparseness and duplicate-key errors are the query engine's own.
 */
public final class OrderedUniqueIndex extends AbstractUniqueIndex<Integer> implements ScannableIndex {

    private final NavigableMap<KeyValue, Integer> entries;
    private volatile boolean multikey;

    public OrderedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        IndexOrder order = new IndexOrder(keys);
        entries = new ConcurrentSkipListMap<>(order::compareKeys);
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

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        super.add(document, position, collection);
        if (!multikey && KeyExtraction.hasArray(document, getKeys())) {
            multikey = true;
        }
    }

    @Override
    protected Integer removeDocument(KeyValue keyValue) {
        return entries.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Integer position) {
        return entries.putIfAbsent(keyValue, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Integer getPosition(KeyValue keyValue) {
        return entries.get(keyValue);
    }

    @Override
    public boolean canHandle(Document query) {
        return false; // the planner reads this index; see QueryPlanner
    }

    @Override
    public Iterator<Integer> scan(Object[] low, Object[] high, boolean reverse) {
        NavigableMap<KeyValue, Integer> range = entries.subMap(new KeyValue(low), true, new KeyValue(high), true);
        return (reverse ? range.descendingMap() : range).values().iterator();
    }

    @Override
    public long entryCount() {
        return entries.size();
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return entries.size();
    }
}
