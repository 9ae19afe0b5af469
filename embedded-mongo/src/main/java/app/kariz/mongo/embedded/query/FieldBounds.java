package app.kariz.mongo.embedded.query;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a query says about one field that an index can use: the values it must equal, or the range it must lie
 * in. Anything else ({@code $ne}, {@code $regex}, {@code $exists}, a sub-document, an array) bounds nothing: the
 * engine's matcher still checks every candidate against the whole query, so bounds need only never exclude a
 * document that matches.
 */
final class FieldBounds {

    /** Values compared as the index stores them (numbers as doubles, missing as null). */
    private List<Object> points;
    private Object lower;
    private Object upper;

    boolean hasPoints() {
        return points != null;
    }

    boolean hasRange() {
        return lower != null || upper != null;
    }

    List<Object> points() {
        return points;
    }

    Object lower() {
        return lower;
    }

    Object upper() {
        return upper;
    }

    void add(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.isEmpty() || !operators.keySet().iterator().next().startsWith("$")) {
                return; // equality with a whole sub-document
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object value = operator.getValue();
                switch (operator.getKey()) {
                    case "$eq" -> {
                        if (isScalar(value)) {
                            equalTo(Collections.singletonList(value));
                        }
                    }
                    case "$in" -> {
                        if (value instanceof Collection<?> values && values.stream().allMatch(FieldBounds::isScalar)) {
                            equalTo(new ArrayList<>(values));
                        }
                    }
                    case "$gt", "$gte" -> {
                        if (isScalar(value) && value != null) {
                            Object bound = normalized(value);
                            if (lower == null || ValueComparator.asc().compare(bound, lower) > 0) {
                                lower = bound;
                            }
                        }
                    }
                    case "$lt", "$lte" -> {
                        if (isScalar(value) && value != null) {
                            Object bound = normalized(value);
                            if (upper == null || ValueComparator.asc().compare(bound, upper) < 0) {
                                upper = bound;
                            }
                        }
                    }
                    default -> {
                        // bounds nothing
                    }
                }
            }
        } else if (isScalar(condition)) {
            equalTo(Collections.singletonList(condition));
        }
    }

    /** A field constrained twice to lists of values keeps the first: a superset of the intersection. */
    private void equalTo(List<?> values) {
        if (points != null) {
            return;
        }
        TreeSet<Object> sorted = new TreeSet<>(ValueComparator.asc());
        boolean hasNull = false;
        for (Object value : values) {
            Object normalized = normalized(value);
            if (normalized == null) {
                hasNull = true;
            } else {
                sorted.add(normalized);
            }
        }
        points = new ArrayList<>();
        if (hasNull) {
            points.add(null);
        }
        points.addAll(sorted);
    }

    private static boolean isScalar(Object value) {
        return !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof BsonRegularExpression) && !(value instanceof java.util.regex.Pattern);
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    /** Collects the bounds of every field the query ANDs together, through nested {@code $and}s. */
    static Map<String, FieldBounds> of(Document query, Map<String, FieldBounds> into) {
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            String key = clause.getKey();
            if (key.equals("$and") && clause.getValue() instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document conjunct) {
                        of(conjunct, into);
                    }
                }
            } else if (!key.startsWith("$")) {
                into.computeIfAbsent(key, any -> new FieldBounds()).add(clause.getValue());
            }
        }
        return into;
    }
}
