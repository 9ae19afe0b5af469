package app.kariz.mongo.embedded.query;

import java.util.Iterator;

/**
 * Where to find the candidates of a query.
 *
 * @param index       the index read, for diagnostics; null for a scan of the collection
 * @param positions   candidate positions: every document the query matches is among them, once
 * @param inSortOrder whether the candidates come in the query's sort order, so no sort is needed and reading
 *                    can stop once skip + limit documents have matched
 */
public record QueryPlan(String index, Iterator<Integer> positions, boolean inSortOrder) {
}
