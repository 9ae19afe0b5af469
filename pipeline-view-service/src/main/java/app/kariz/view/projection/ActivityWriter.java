package app.kariz.view.projection;

import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityEvent;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.ActivityUpdated;
import app.kariz.events.activity.Due;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code activities}, one document per activity. Each document records the last sequence of its own
 * stream it applied ({@code seq}, also the activity's version), so re-applying an event (such as a
 * postponement, which counts) changes nothing.
 */
final class ActivityWriter {

    private static final String SEQUENCE = "seq";
    private static final Logger log = LoggerFactory.getLogger(ActivityWriter.class);

    private final MongoCollection<Document> activities;

    ActivityWriter(MongoCollection<Document> activities) {
        this.activities = activities;
    }

    void apply(ActivityEvent event, long sequence) {
        Bson update = updateFor(event);
        if (update == null) {
            log.warn("Ignoring {}: not an activity event this view knows", event.getClass().getName());
            return;
        }
        InOrderUpdate.apply(activities, event.activityId(), SEQUENCE, sequence, Updates.combine(
                Updates.set("organizationId", event.organizationId()),
                Updates.set("dealId", event.dealId()),
                update));
    }

    /** Forgets a deleted deal's activities; their later events are not applied (see the projection). */
    void deleteOfDeal(String organizationId, String dealId) {
        activities.deleteMany(Filters.and(Filters.eq("dealId", dealId), Filters.eq("organizationId", organizationId)));
    }

    private static Bson updateFor(ActivityEvent event) {
        if (event instanceof ActivityScheduled scheduled) {
            return Updates.combine(
                    Updates.set("type", scheduled.type()),
                    Updates.set("subject", scheduled.subject()),
                    due(scheduled.due()),
                    Updates.set("durationMinutes", scheduled.durationMinutes()),
                    Updates.set("assigneeId", scheduled.assigneeId()),
                    Updates.set("note", scheduled.note()),
                    Updates.set("location", scheduled.location()),
                    Updates.set("status", ActivityStatus.OPEN.name()),
                    Updates.set("scheduledAt", BsonValues.date(scheduled.scheduledAt())),
                    Updates.set("scheduledBy", scheduled.scheduledBy()),
                    Updates.set("postponeCount", 0));
        }
        if (event instanceof ActivityCompleted completed) {
            return Updates.combine(
                    Updates.set("type", completed.type()),
                    Updates.set("assigneeId", completed.assigneeId()),
                    due(completed.due()),
                    Updates.set("status", ActivityStatus.DONE.name()),
                    Updates.set("result", completed.result()),
                    Updates.set("completedAt", BsonValues.date(completed.completedAt())),
                    Updates.set("completedBy", completed.completedBy()));
        }
        if (event instanceof ActivityPostponed postponed) {
            return Updates.combine(
                    Updates.set("assigneeId", postponed.assigneeId()),
                    due(postponed.to()),
                    Updates.inc("postponeCount", 1));
        }
        if (event instanceof ActivityRescheduled rescheduled) {
            // A correction of the due, earlier or later: not a postponement, so the count stays.
            return Updates.combine(
                    Updates.set("assigneeId", rescheduled.assigneeId()),
                    due(rescheduled.to()));
        }
        if (event instanceof ActivityUpdated updated) {
            return Updates.combine(fields(updated.to()), due(updated.due()));
        }
        if (event instanceof ActivityReopened reopened) {
            // A mistaken tick undone: open again, and its result (kept in the timeline) no longer stands.
            return Updates.combine(
                    Updates.set("type", reopened.type()),
                    Updates.set("assigneeId", reopened.assigneeId()),
                    due(reopened.due()),
                    Updates.set("status", ActivityStatus.OPEN.name()),
                    Updates.set("result", null),
                    Updates.set("completedAt", null),
                    Updates.set("completedBy", null),
                    Updates.set("cancelReason", null),
                    Updates.set("cancelledAt", null),
                    Updates.set("cancelledBy", null));
        }
        if (event instanceof ActivityCancelled cancelled) {
            // Neither open nor done: off the plan, and not counted as work done.
            return Updates.combine(
                    Updates.set("type", cancelled.type()),
                    Updates.set("assigneeId", cancelled.assigneeId()),
                    due(cancelled.due()),
                    Updates.set("status", ActivityStatus.CANCELLED.name()),
                    Updates.set("cancelReason", cancelled.reason()),
                    Updates.set("cancelledAt", BsonValues.date(cancelled.cancelledAt())),
                    Updates.set("cancelledBy", cancelled.cancelledBy()));
        }
        return null;
    }

    /** All of an activity's own fields as an edit left them; none when the event does not carry them. */
    private static Bson fields(ActivityFields fields) {
        if (fields == null) {
            return Updates.combine();
        }
        return Updates.combine(
                Updates.set("type", fields.type()),
                Updates.set("subject", fields.subject()),
                Updates.set("durationMinutes", fields.durationMinutes()),
                Updates.set("assigneeId", fields.assigneeId()),
                Updates.set("note", fields.note()),
                Updates.set("location", fields.location()));
    }

    /** The due date with the two instants the indicator and the ordering are judged by. */
    private static Bson due(Due due) {
        if (due == null) {
            return Updates.combine();
        }
        return Updates.combine(
                Updates.set("due", BsonValues.due(due)),
                Updates.set("todayFrom", BsonValues.date(due.todayFrom())),
                Updates.set("overdueFrom", BsonValues.date(due.overdueFrom())));
    }
}
