package app.kariz.view.store;

import app.kariz.events.activity.Due;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

/**
 * The few conversions between event values and BSON. Instants are BSON dates (milliseconds) so they sort and
 * compare in queries; local dates and times are ISO strings, because they are wall-clock values, not instants.
 */
public final class BsonValues {

    private BsonValues() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static Document due(Due due) {
        return new Document("date", due.date().toString())
                .append("time", due.time() == null ? null : due.time().toString())
                .append("timeZone", due.timeZone());
    }

    public static Due due(Document document) {
        String time = document.getString("time");
        return new Due(LocalDate.parse(document.getString("date")), time == null ? null : LocalTime.parse(time),
                document.getString("timeZone"));
    }
}
