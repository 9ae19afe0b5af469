package app.kariz.view.card;

import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorQuery;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.List;

/**
 * The position after a card in board order: its indicator bucket and its sort key within the bucket
 * ({@code overdueAt}, null in {@code NO_ACTIVITY}; {@code createdAt}; {@code _id}). Every visible card has a
 * {@code createdAt} (its {@code DealOpened} sets it), so only {@code overdueAt} can be null.
 */
public record BoardCursor(Indicator bucket, Instant overdueAt, Instant createdAt, String id) {

    private static final String KIND = "board";

    static BoardCursor after(Indicator bucket, Document card) {
        return new BoardCursor(bucket, BsonValues.instant(card, IndicatorQuery.OVERDUE_AT),
                BsonValues.instant(card, "createdAt"), card.getString("_id"));
    }

    /** Null for a null or blank cursor: start at the beginning. */
    public static BoardCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = OpaqueCursor.decode(cursor.strip(), KIND, 4);
        try {
            return new BoardCursor(Indicator.valueOf(parts.get(0)), instant(parts.get(1)), instant(parts.get(2)),
                    parts.get(3));
        } catch (IllegalArgumentException e) {
            throw OpaqueCursor.invalid();
        }
    }

    public String encode() {
        return OpaqueCursor.encode(KIND, bucket.name(), millis(overdueAt), millis(createdAt), id);
    }

    /**
     * The cards after this one within its bucket, for the sort {@code overdueAt, createdAt, _id} ascending. The
     * leading range ({@code >=}) is what an index scan starts from; the {@code $or} only sorts out the cards that
     * share this one's {@code overdueAt} (or, without it, its {@code createdAt}).
     */
    Bson cardsAfter() {
        if (overdueAt == null) {
            return Filters.and(Filters.gte("createdAt", BsonValues.date(createdAt)), Filters.or(
                    Filters.gt("createdAt", BsonValues.date(createdAt)),
                    Filters.gt("_id", id)));
        }
        return Filters.and(Filters.gte(IndicatorQuery.OVERDUE_AT, BsonValues.date(overdueAt)), Filters.or(
                Filters.gt(IndicatorQuery.OVERDUE_AT, BsonValues.date(overdueAt)),
                Filters.gt("createdAt", BsonValues.date(createdAt)),
                Filters.and(Filters.eq("createdAt", BsonValues.date(createdAt)), Filters.gt("_id", id))));
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
