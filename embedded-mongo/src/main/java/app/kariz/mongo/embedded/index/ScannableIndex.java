package app.kariz.mongo.embedded.index;

import de.bwaldvogel.mongo.backend.IndexKey;

import java.util.Iterator;
import java.util.List;

/** An index whose entries can be read in order between two keys: what the query planner needs of it. */
public interface ScannableIndex {

    List<IndexKey> indexKeys();

    /** Whether some document had an array under one of the keys: then the index order is no sort order. */
    boolean isMultikey();

    /** Whether some documents have no entry (a sparse index): then it cannot answer for all documents. */
    boolean isPartial();

    /**
     * The positions of the entries from {@code low} to {@code high}, both included, in index order or reversed.
     * Both arrays have one value per key, {@link IndexOrder#LOW} and {@link IndexOrder#HIGH} where open.
     */
    Iterator<Integer> scan(Object[] low, Object[] high, boolean reverse);

    long entryCount();
}
