package app.kariz.view.agenda;

import app.kariz.view.card.OpaqueCursor;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * The position after an activity in one of the agenda's lists, in due order: its {@code overdueFrom},
 * {@code scheduledAt} (null only for an activity whose scheduling never arrived) and {@code _id}. Each list has
 * its own kind, so an {@code overdueCursor} is not accepted as a {@code todayCursor} and the other way round.
 */
record AgendaCursor(Listing list, Instant overdueFrom, Instant scheduledAt, String id) {

    /** The two lists, each with the query parameter its cursor is passed back in. */
    enum Listing {
        OVERDUE("agenda-overdue", "overdueCursor"), TODAY("agenda-today", "todayCursor");

        private final String kind;
        private final String parameter;

        Listing(String kind, String parameter) {
            this.kind = kind;
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    static AgendaCursor after(Listing list, Document activity) {
        return new AgendaCursor(list, BsonValues.instant(activity, "overdueFrom"),
                BsonValues.instant(activity, "scheduledAt"), activity.getString("_id"));
    }

    /** Null for a null or blank cursor: start at the beginning; invalid input in the list's cursor parameter. */
    static AgendaCursor parse(String cursor, Listing list) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = OpaqueCursor.decode(cursor.strip(), list.kind, 3, list.parameter);
        try {
            Instant overdueFrom = instant(parts.get(0));
            if (overdueFrom == null) {
                throw OpaqueCursor.invalid(list.parameter);
            }
            return new AgendaCursor(list, overdueFrom, instant(parts.get(1)), parts.get(2));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw OpaqueCursor.invalid(list.parameter);
        }
    }

    String encode() {
        return OpaqueCursor.encode(list.kind, millis(overdueFrom), millis(scheduledAt), id);
    }

    /**
     * The activities after this one for the sort {@code overdueFrom, scheduledAt, _id} ascending. The leading
     * range ({@code >=}) is what an index scan starts from; the {@code $or} only sorts out the activities due at
     * the same instant. A missing {@code scheduledAt} sorts before any.
     */
    Bson activitiesAfter() {
        Bson due = Filters.eq("overdueFrom", BsonValues.date(overdueFrom));
        Bson sameScheduling = scheduledAt == null
                ? Filters.or(Filters.ne("scheduledAt", null), Filters.and(Filters.eq("scheduledAt", null),
                        Filters.gt("_id", id)))
                : Filters.or(Filters.gt("scheduledAt", BsonValues.date(scheduledAt)),
                        Filters.and(Filters.eq("scheduledAt", BsonValues.date(scheduledAt)), Filters.gt("_id", id)));
        return Filters.and(Filters.gte("overdueFrom", BsonValues.date(overdueFrom)), Filters.or(
                Filters.gt("overdueFrom", BsonValues.date(overdueFrom)),
                Filters.and(due, sameScheduling)));
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
