package app.kariz.mongo.embedded.query;

import app.kariz.mongo.embedded.index.IndexOrder;
import app.kariz.mongo.embedded.index.ScannableIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Chooses the index that answers a query best, the way MongoDB's planner does for the shapes Kariz sends:
 * equality (and {@code $in}) on a prefix of the index's keys, then a range on the next key, and a sort that the
 * remaining keys give in order (forwards or backwards), so a limited query reads only as many entries as it
 * returns. Conditions may be written at the top level or inside {@code $and}, {@code _id} included.
 *
 * <p>An index only ever narrows the candidates; the query engine matches each candidate against the whole query,
 * so a plan is right as long as it never leaves out a matching document.
 */
public final class QueryPlanner {

    /** Beyond this many combinations of {@code $in} values over several keys, the later keys are left unbounded. */
    private static final int MAX_INTERVALS = 256;

    private QueryPlanner() {
    }

    /** The best plan, or null when no index helps and the collection must be scanned. */
    public static QueryPlan plan(Document query, Document orderBy, int limit, List<? extends Index<Integer>> indexes) {
        Map<String, FieldBounds> bounds = FieldBounds.of(query, new HashMap<>());
        Candidate best = null;
        for (Index<Integer> index : indexes) {
            if (index instanceof ScannableIndex scannable && !scannable.isPartial()) {
                Candidate candidate = Candidate.of(index.getName(), scannable, bounds, orderBy, limit);
                if (candidate != null && (best == null || candidate.score > best.score)) {
                    best = candidate;
                }
            }
        }
        return best == null ? null : best.plan();
    }

    private static final class Candidate {
        private final String name;
        private final ScannableIndex index;
        private final List<Object[][]> intervals;
        private final boolean reverse;
        private final boolean inSortOrder;
        private final long score;

        private Candidate(String name, ScannableIndex index, List<Object[][]> intervals, boolean reverse,
                          boolean inSortOrder, long score) {
            this.name = name;
            this.index = index;
            this.intervals = intervals;
            this.reverse = reverse;
            this.inSortOrder = inSortOrder;
            this.score = score;
        }

        static Candidate of(String name, ScannableIndex index, Map<String, FieldBounds> bounds, Document orderBy,
                            int limit) {
            List<IndexKey> keys = index.indexKeys();
            boolean multikey = index.isMultikey();
            // Equality prefix: keys with values to equal, as long as the combinations stay few.
            List<List<Object>> prefix = new ArrayList<>();
            long combinations = 1;
            for (IndexKey key : keys) {
                FieldBounds field = bounds.get(key.getKey());
                // The first key's values are each one interval however many there are (MongoDB reads an $in of
                // thousands of ids from the index too); only combinations with later keys are capped.
                if (field == null || !field.hasPoints()
                        || !prefix.isEmpty() && combinations * field.points().size() > MAX_INTERVALS) {
                    break;
                }
                combinations *= field.points().size();
                prefix.add(field.points());
            }
            int equalities = prefix.size();
            FieldBounds ranged = equalities < keys.size() ? bounds.get(keys.get(equalities).getKey()) : null;
            boolean hasRange = ranged != null && !ranged.hasPoints() && ranged.hasRange();
            Sorting sorting = Sorting.of(orderBy, keys, equalities, combinations == 1 && !multikey);
            if (equalities == 0 && !hasRange && !(sorting.served && (limit > 0 || sorting.sorts))) {
                return null;
            }
            List<Object[][]> intervals = new ArrayList<>();
            for (List<Object> combination : cartesian(prefix)) {
                Object[] low = new Object[keys.size()];
                Object[] high = new Object[keys.size()];
                for (int i = 0; i < keys.size(); i++) {
                    low[i] = IndexOrder.LOW;
                    high[i] = IndexOrder.HIGH;
                }
                for (int i = 0; i < equalities; i++) {
                    low[i] = combination.get(i);
                    high[i] = combination.get(i);
                }
                if (hasRange) {
                    Object lower = ranged.lower();
                    // On an array field each bound may be met by another element: keep one side only.
                    Object upper = multikey && lower != null ? null : ranged.upper();
                    boolean ascending = keys.get(equalities).isAscending();
                    Object from = ascending ? lower : upper;
                    Object to = ascending ? upper : lower;
                    low[equalities] = from == null ? IndexOrder.LOW : from;
                    high[equalities] = to == null ? IndexOrder.HIGH : to;
                }
                intervals.add(new Object[][] {low, high});
            }
            boolean exact = equalities == keys.size() && index instanceof de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
            long score = equalities * 1000L + (hasRange ? 500 : 0) + (exact ? 200 : 0)
                    + (sorting.served && (sorting.sorts || limit > 0) ? 100 : 0) - keys.size();
            return new Candidate(name, index, intervals, sorting.reverse, sorting.served, score);
        }

        QueryPlan plan() {
            Iterator<Integer> positions = new Concatenation(index, intervals, reverse);
            if (index.isMultikey()) {
                positions = distinct(positions);
            }
            return new QueryPlan(name, positions, inSortOrder);
        }
    }

    /** Whether an index, read from its equality prefix on, gives the documents in the query's sort order. */
    private record Sorting(boolean served, boolean reverse, boolean sorts) {

        static Sorting of(Document orderBy, List<IndexKey> keys, int equalities, boolean singleOrderedRun) {
            boolean sorts = orderBy != null && !orderBy.isEmpty();
            if (!singleOrderedRun) {
                return new Sorting(false, false, sorts);
            }
            if (!sorts) {
                return new Sorting(true, false, false);
            }
            Set<String> constant = new HashSet<>();
            for (int i = 0; i < equalities; i++) {
                constant.add(keys.get(i).getKey());
            }
            int next = equalities;
            Boolean reverse = null;
            for (Map.Entry<String, Object> sortKey : orderBy.entrySet()) {
                if (sortKey.getKey().startsWith("$")) {
                    return new Sorting(false, false, true); // $natural and the like
                }
                if (constant.contains(sortKey.getKey())) {
                    continue; // every candidate has the same value
                }
                if (next >= keys.size() || !keys.get(next).getKey().equals(sortKey.getKey())
                        || !(sortKey.getValue() instanceof Number direction)) {
                    return new Sorting(false, false, true);
                }
                boolean ascending = direction.doubleValue() > 0;
                boolean flipped = ascending != keys.get(next).isAscending();
                if (reverse != null && reverse != flipped) {
                    return new Sorting(false, false, true);
                }
                reverse = flipped;
                next++;
            }
            return new Sorting(true, reverse != null && reverse, true);
        }
    }

    private static List<List<Object>> cartesian(List<List<Object>> prefix) {
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(Collections.emptyList());
        for (List<Object> values : prefix) {
            List<List<Object>> extended = new ArrayList<>(combinations.size() * values.size());
            for (List<Object> combination : combinations) {
                for (Object value : values) {
                    List<Object> longer = new ArrayList<>(combination);
                    longer.add(value);
                    extended.add(longer);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    private static Iterator<Integer> distinct(Iterator<Integer> positions) {
        Set<Integer> seen = new HashSet<>();
        return new Iterator<>() {
            private Integer next;

            @Override
            public boolean hasNext() {
                while (next == null && positions.hasNext()) {
                    Integer candidate = positions.next();
                    if (seen.add(candidate)) {
                        next = candidate;
                    }
                }
                return next != null;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Integer result = next;
                next = null;
                return result;
            }
        };
    }

    /** The intervals one after another, each read lazily. */
    private static final class Concatenation implements Iterator<Integer> {
        private final ScannableIndex index;
        private final Iterator<Object[][]> intervals;
        private final boolean reverse;
        private Iterator<Integer> current = Collections.emptyIterator();

        Concatenation(ScannableIndex index, List<Object[][]> intervals, boolean reverse) {
            this.index = index;
            List<Object[][]> ordered = new ArrayList<>(intervals);
            if (reverse) {
                Collections.reverse(ordered);
            }
            this.intervals = ordered.iterator();
            this.reverse = reverse;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && intervals.hasNext()) {
                Object[][] interval = intervals.next();
                current = index.scan(interval[0], interval[1], reverse);
            }
            return current.hasNext();
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
