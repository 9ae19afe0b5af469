package app.kariz.mongo.embedded.index;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

import java.util.Comparator;
import java.util.List;

/**
 * The order of an index's entries: key by key, each ascending or descending, values compared exactly as the
 * query engine sorts and compares them ({@link ValueComparator}), so a range of entries holds every document
 * whose values the engine would find in that range. Two sentinels stand below and above every value, to bound
 * the keys a scan leaves open.
 */
public final class IndexOrder implements Comparator<Object[]> {

    /** Below every value, whatever the key's direction. */
    public static final Object LOW = new Object() {
        @Override
        public String toString() {
            return "LOW";
        }
    };
    /** Above every value, whatever the key's direction. */
    public static final Object HIGH = new Object() {
        @Override
        public String toString() {
            return "HIGH";
        }
    };

    private final boolean[] ascending;

    public IndexOrder(List<IndexKey> keys) {
        ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
    }

    @Override
    public int compare(Object[] left, Object[] right) {
        for (int i = 0; i < ascending.length; i++) {
            int c = compareValue(left[i], right[i], ascending[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The same order over the query engine's key values, read in place: a unique index compares keys on every
     * lookup, insert and range bound, and copying them into arrays first was a third of its time.
     */
    public int compareKeys(KeyValue left, KeyValue right) {
        for (int i = 0; i < ascending.length; i++) {
            int c = compareValue(left.get(i), right.get(i), ascending[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareValue(Object left, Object right, boolean ascending) {
        if (left == right) {
            return 0;
        }
        if (left == LOW || right == HIGH) {
            return -1;
        }
        if (left == HIGH || right == LOW) {
            return 1;
        }
        int c = ValueComparator.asc().compare(left, right);
        return ascending ? c : -c;
    }
}
