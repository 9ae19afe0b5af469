package app.kariz.view.timeline;

import app.kariz.view.card.OpaqueCursor;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.List;

/**
 * The position after a history entry in the order {@code at, seq, _id}, all descending. {@code seq} is the
 * event's sequence in its own stream; entries written without one sort after those with one at the same instant.
 */
record HistoryCursor(Instant at, Long seq, String id) {

    private static final String KIND = "history";

    static HistoryCursor after(Document entry) {
        Number seq = entry.get("seq", Number.class);
        return new HistoryCursor(BsonValues.instant(entry, "at"), seq == null ? null : seq.longValue(),
                entry.getString("_id"));
    }

    /** Null for a null or blank cursor: start with the newest entry. */
    static HistoryCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = OpaqueCursor.decode(cursor.strip(), KIND, 3);
        try {
            return new HistoryCursor(Instant.ofEpochMilli(Long.parseLong(parts.get(0))),
                    parts.get(1).isEmpty() ? null : Long.parseLong(parts.get(1)), parts.get(2));
        } catch (NumberFormatException e) {
            throw OpaqueCursor.invalid();
        }
    }

    String encode() {
        return OpaqueCursor.encode(KIND, Long.toString(at.toEpochMilli()), seq == null ? "" : seq.toString(), id);
    }

    /** The entries after this one: older, or as old and after it by {@code seq} and then {@code _id}. */
    Bson entriesAfter() {
        Bson sameInstantAfter = seq == null
                ? Filters.and(Filters.eq("seq", null), Filters.lt("_id", id))
                : Filters.or(Filters.lt("seq", seq), Filters.eq("seq", null),
                Filters.and(Filters.eq("seq", seq), Filters.lt("_id", id)));
        return Filters.and(Filters.lte("at", BsonValues.date(at)),
                Filters.or(Filters.lt("at", BsonValues.date(at)), sameInstantAfter));
    }
}
