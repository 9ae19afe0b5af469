package app.kariz.view.card;

import app.kariz.events.activity.Due;
import app.kariz.view.store.BsonValues;
import org.bson.Document;

import java.time.Instant;
import java.util.Comparator;

/** An open activity as far as a deal card cares: what it is and when it is due. */
public record ScheduledActivity(String id, String type, String subject, Due due, Instant scheduledAt) {

    /**
     * The contract's "earliest by due instant, an all-day activity counting as due at the end of its day",
     * which is exactly {@link Due#overdueFrom()}; ties go to the one scheduled first, then to the id so the
     * choice never depends on the order documents come back in.
     */
    public static final Comparator<ScheduledActivity> EARLIEST_DUE_FIRST =
            Comparator.comparing((ScheduledActivity activity) -> activity.due().overdueFrom())
                    .thenComparing(ScheduledActivity::scheduledAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ScheduledActivity::id);

    /** The activity of a document from the {@code activities} collection. */
    public static ScheduledActivity of(Document activity) {
        return new ScheduledActivity(activity.getString("_id"), activity.getString("type"),
                activity.getString("subject"), BsonValues.due(activity.get("due", Document.class)),
                BsonValues.instant(activity, "scheduledAt"));
    }
}
