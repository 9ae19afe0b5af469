package app.kariz.view.card;

import app.kariz.view.store.BsonValues;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * {@link IndicatorRule} as MongoDB filters over open deal cards, so the board and the deal list select and order
 * by indicator in the database. A card stores {@code todayAt}, the earliest instant one of its open activities is
 * due today, and {@code overdueAt}, the earliest instant one is overdue; both are null exactly when no activity is
 * open (the projection writes them from one {@link ActivitySummary}). At {@code now}:
 * <ul>
 *   <li>{@code NO_ACTIVITY}: {@code overdueAt} is null;</li>
 *   <li>{@code OVERDUE}: {@code overdueAt <= now};</li>
 *   <li>{@code TODAY}: {@code overdueAt > now} and {@code todayAt <= now};</li>
 *   <li>{@code PLANNED}: {@code overdueAt > now} and {@code todayAt > now}. Every activity starts its day no
 *       later than it turns overdue, so {@code todayAt <= overdueAt}: {@code todayAt > now} alone would do, but
 *       the range on {@code overdueAt} is what the board indexes can scan.</li>
 * </ul>
 * The four filters split the open cards without overlap, and each names the same cards as the rule judging
 * every card by itself (tested card by card at day boundaries and DST changes).
 */
public final class IndicatorQuery {

    public static final String TODAY_AT = "todayAt";
    public static final String OVERDUE_AT = "overdueAt";

    private IndicatorQuery() {
    }

    /** The open cards showing {@code indicator} at {@code now}; the caller adds {@code status: OPEN}. */
    public static Bson matching(Indicator indicator, Instant now) {
        Date at = BsonValues.date(now);
        return switch (indicator) {
            case NO_ACTIVITY -> Filters.eq(OVERDUE_AT, null);
            case OVERDUE -> Filters.lte(OVERDUE_AT, at);
            case TODAY -> Filters.and(Filters.gt(OVERDUE_AT, at), Filters.lte(TODAY_AT, at));
            case PLANNED -> Filters.and(Filters.gt(OVERDUE_AT, at), Filters.gt(TODAY_AT, at));
        };
    }

    /**
     * An aggregation expression evaluating to the indicator's name for an open card, the same rule as
     * {@link #matching}: {@code $ifNull} treats a missing {@code overdueAt} like a null one, as the filter does.
     */
    public static Document nameOf(Instant now) {
        Date at = BsonValues.date(now);
        return cond(new Document("$eq", List.of(new Document("$ifNull", List.of("$" + OVERDUE_AT, "none")), "none")),
                Indicator.NO_ACTIVITY,
                cond(new Document("$lte", List.of("$" + OVERDUE_AT, at)), Indicator.OVERDUE,
                        cond(new Document("$lte", List.of("$" + TODAY_AT, at)), Indicator.TODAY,
                                Indicator.PLANNED.name())));
    }

    private static Document cond(Document test, Indicator then, Object otherwise) {
        return new Document("$cond", List.of(test, then.name(), otherwise));
    }
}
