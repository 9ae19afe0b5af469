package app.kariz.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * The query engine runs an aggregation over every document of its collection and filters in its
 * {@code $match} stage. While an aggregation that starts with {@code $match} runs on this thread, the
 * collection hands it only that match's candidates from its indexes instead; the stage still filters them.
 */
final class AggregationMatch {

    private record Current(String collection, Document match) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private AggregationMatch() {
    }

    static Document current(String collection) {
        Current current = CURRENT.get();
        return current != null && current.collection().equals(collection) ? current.match() : null;
    }

    /** Sets the leading match of the aggregate command {@code query}, if it has one; the caller must {@link #clear}. */
    static void begin(Document query) {
        Object collection = query.get("aggregate");
        if (collection instanceof String name && query.get("pipeline") instanceof List<?> pipeline
                && !pipeline.isEmpty() && pipeline.get(0) instanceof Document first
                && first.size() == 1 && first.get("$match") instanceof Document match) {
            CURRENT.set(new Current(name, match));
        }
    }

    static void clear() {
        CURRENT.remove();
    }
}
