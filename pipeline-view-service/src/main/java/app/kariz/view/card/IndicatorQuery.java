package app.kariz.view.card;

import app.kariz.view.store.BsonValues;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;

/**
 * {@link IndicatorRule} as MongoDB filters over open deal cards, so the board and the deal list select and order
 * by indicator in the database, and on the same two stored instants in memory, where the boards count. A card stores {@code todayAt}, the earliest instant one of its open activities is
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
    /** A card's {@code todayAt} and {@code overdueAt} for {@link #indicatorAt} when no activity is open. */
    public static final long NO_INSTANT = Long.MIN_VALUE;

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
     * The same rule judged in memory, on a card's two instants in epoch milliseconds ({@link #NO_INSTANT}: no
     * activity open), at {@code at} milliseconds. The stored instants are whole milliseconds, so comparing them
     * with the millisecond floor of an instant decides as comparing with the instant itself would.
     */
    public static Indicator indicatorAt(long todayAt, long overdueAt, long at) {
        if (overdueAt == NO_INSTANT) {
            return Indicator.NO_ACTIVITY;
        }
        if (overdueAt <= at) {
            return Indicator.OVERDUE;
        }
        return todayAt <= at ? Indicator.TODAY : Indicator.PLANNED;
    }
}
