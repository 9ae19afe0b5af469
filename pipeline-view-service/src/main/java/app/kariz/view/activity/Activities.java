package app.kariz.view.activity;

import app.kariz.events.activity.Due;
import app.kariz.kernel.NotFoundException;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DueView;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Optional;

/**
 * Reads single activities, judging an open one's state at the time of reading. An activity is visible exactly
 * when its deal is: to its own organisation, once the deal's {@code DealOpened} has been applied, and never after
 * the deal was deleted (its activities are then forgotten, and the card is a tombstone).
 */
public class Activities {

    private final ViewCollections.Reads reads;
    private final IndicatorRule indicators;

    public Activities(ViewCollections collections, IndicatorRule indicators) {
        this.reads = collections.reads();
        this.indicators = indicators;
    }

    public static NotFoundException notFound(String activityId) {
        return new NotFoundException("No activity with id " + activityId + " exists");
    }

    public Optional<Activity> find(String organizationId, String activityId) {
        Document activity = reads.activities().find(organizationId, Filters.eq("_id", activityId),
                Filters.ne("status", null)).first();
        if (activity == null) {
            return Optional.empty();
        }
        Document card = reads.dealCards().find(organizationId,
                DealCards.visible(), Filters.eq("_id", activity.getString("dealId"))).first();
        return Optional.ofNullable(card).map(deal -> toActivity(activity, deal.getString("title")));
    }

    private Activity toActivity(Document activity, String dealTitle) {
        ActivityStatus status = ActivityStatus.valueOf(activity.getString("status"));
        Document storedDue = activity.get("due", Document.class);
        Due due = storedDue == null ? null : BsonValues.due(storedDue);
        DueView shown = due == null ? new DueView(null, null, null) : DueView.of(due);
        return new Activity(activity.getString("_id"), activity.getString("dealId"), dealTitle,
                activity.getString("type"), activity.getString("subject"), shown.dueDate(), shown.dueTime(),
                shown.timeZone(), activity.getInteger("durationMinutes"), activity.getString("assigneeId"),
                activity.getString("note"), activity.getString("location"), status, state(status, due),
                activity.getString("result"), BsonValues.instant(activity, "completedAt"),
                BsonValues.instant(activity, "cancelledAt"), activity.getInteger("postponeCount", 0),
                BsonValues.instant(activity, "scheduledAt"), activity.getString("scheduledBy"),
                activity.get("seq", Number.class).longValue());
    }

    private Indicator state(ActivityStatus status, Due due) {
        return status != ActivityStatus.OPEN || due == null ? null
                : indicators.ofActivity(due.todayFrom(), due.overdueFrom());
    }
}
