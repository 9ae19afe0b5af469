package app.kariz.view.indicator;

import app.kariz.view.indicator.IndicatorRule.Condition;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * {@link IndicatorRule}'s conditions as MongoDB filters, over the two stored instants of a document: a deal card's
 * {@code todayAt} and {@code overdueAt} (the earliest over its open activities, both null exactly when none is
 * open; {@link #CARDS}, for the board and the deal list) or an activity's {@code todayFrom} and {@code overdueFrom}
 * ({@link #ACTIVITIES}, for the agenda). The four states split the open cards without overlap, and each names the
 * same cards as the rule judging every card by itself.
 *
 * @param todayField   the field holding the {@code TODAY_FROM} instant
 * @param overdueField the field holding the {@code OVERDUE_FROM} instant
 */
public record IndicatorQuery(String todayField, String overdueField) {

    public static final String TODAY_AT = "todayAt";
    public static final String OVERDUE_AT = "overdueAt";
    /** A card's {@code todayAt} and {@code overdueAt} in epoch milliseconds when no activity is open. */
    public static final long NO_INSTANT = Long.MIN_VALUE;

    public static final IndicatorQuery CARDS = new IndicatorQuery(TODAY_AT, OVERDUE_AT);
    public static final IndicatorQuery ACTIVITIES = new IndicatorQuery("todayFrom", "overdueFrom");

    /** The documents showing {@code indicator} at {@code now}; the caller adds {@code status: OPEN}. */
    public Bson matching(Indicator indicator, Instant now) {
        if (indicator == Indicator.NO_ACTIVITY) {
            return Filters.eq(overdueField, null);
        }
        List<Bson> conditions = IndicatorRule.conditionsOf(indicator).stream()
                .map(condition -> holding(condition, now)).toList();
        return conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
    }

    /** The documents for which {@code condition} holds at {@code now}. */
    public Bson holding(Condition condition, Instant now) {
        String field = condition.turn() == IndicatorRule.Turn.TODAY_FROM ? todayField : overdueField;
        Date at = BsonValues.date(now);
        return condition.reached() ? Filters.lte(field, at) : Filters.gt(field, at);
    }

    /**
     * A card's indicator judged in memory on its two instants in epoch milliseconds ({@link #NO_INSTANT}: no
     * activity open), at {@code at} milliseconds.
     */
    public static Indicator indicatorAt(long todayAt, long overdueAt, long at) {
        return overdueAt == NO_INSTANT ? Indicator.NO_ACTIVITY : IndicatorRule.stateAt(todayAt, overdueAt, at);
    }
}
