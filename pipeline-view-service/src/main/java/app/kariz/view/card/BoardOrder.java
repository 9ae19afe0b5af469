package app.kariz.view.card;

import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorQuery;
import app.kariz.view.store.ScopedCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pages through open deal cards in the contract's board order: NO_ACTIVITY, OVERDUE, TODAY, PLANNED, then by
 * next due, then by creation (then by id, so equal cards never swap places between two reads). Each indicator is
 * its own database query ({@link IndicatorQuery}) sorted by {@code overdueAt, createdAt, _id}: the next due of a
 * card is its {@code overdueAt} ({@link ActivitySummary#nextDueAt()}), and in NO_ACTIVITY it is null for all. A
 * page reads bucket after bucket, each with a limit, and never more than one card past the page.
 */
public final class BoardOrder {

    static final Bson SORT = Sorts.ascending(IndicatorQuery.OVERDUE_AT, "createdAt", "_id");

    private BoardOrder() {
    }

    /**
     * @param scope      which of the organisation's cards (pipeline, stage, owner, text…); open ones only are read
     * @param indicators the buckets to read, in board order whatever the set's order
     * @param after      where the previous page ended; null for the first page
     */
    public static Page page(ScopedCollection dealCards, String organizationId, List<Bson> scope,
                            Set<Indicator> indicators, BoardCursor after, int limit, Instant now) {
        List<Placed> found = new ArrayList<>();
        for (Indicator bucket : Indicator.values()) {
            if (found.size() > limit) {
                break;
            }
            if (!indicators.contains(bucket) || after != null && bucket.compareTo(after.bucket()) < 0) {
                continue;
            }
            List<Bson> filter = new ArrayList<>(scope);
            filter.add(Filters.eq("status", DealStatus.OPEN.name()));
            filter.add(IndicatorQuery.CARDS.matching(bucket, now));
            if (after != null && bucket == after.bucket()) {
                filter.add(after.cardsAfter());
            }
            dealCards.find(organizationId, filter).sort(SORT).limit(limit + 1 - found.size())
                    .forEach(card -> found.add(new Placed(bucket, card)));
        }
        boolean more = found.size() > limit;
        List<Placed> page = more ? found.subList(0, limit) : found;
        BoardCursor next = more ? BoardCursor.after(page.get(page.size() - 1).bucket(),
                page.get(page.size() - 1).card()) : null;
        return new Page(page.stream().map(Placed::card).toList(), next);
    }

    /** @param next null on the last page */
    public record Page(List<Document> cards, BoardCursor next) {
    }

    private record Placed(Indicator bucket, Document card) {
    }
}
