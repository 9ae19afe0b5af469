package app.kariz.view.agenda;

import app.kariz.events.activity.Due;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DueView;
import app.kariz.view.card.IndicatorRule;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads agendas from the {@code activities} collection, which stores each activity's {@code todayFrom} and
 * {@code overdueFrom} instants (already in the activity's own time zone) beside its local {@code due.date}:
 * <ul>
 *   <li>overdue: open, {@code overdueFrom <= now};</li>
 *   <li>today: open, {@code due.date} equals the day asked for, {@code overdueFrom > now}.</li>
 * </ul>
 * Both are ordered by due ({@code overdueFrom}: an all-day activity counts as due at the end of its day), then by
 * when they were scheduled, then by id. An activity is listed only while its deal is visible (opened, not deleted);
 * won and lost deals' open activities stay on the agenda until they are done or cancelled.
 */
public class Agendas {

    private static final Bson DUE_ORDER = Sorts.ascending("overdueFrom", "scheduledAt", "_id");

    private final ViewCollections collections;
    private final IndicatorRule indicators;

    public Agendas(ViewCollections collections, IndicatorRule indicators) {
        this.collections = collections;
        this.indicators = indicators;
    }

    /** @param date the day whose activities {@code today} lists; null for today in {@code timeZone} */
    public Agenda find(String organizationId, String assigneeId, LocalDate date, ZoneId timeZone) {
        Instant now = indicators.now();
        LocalDate day = date != null ? date : LocalDate.ofInstant(now, timeZone);
        Date at = BsonValues.date(now);
        // One query for both lists: each branch of the $or has its index, and both come sorted by due.
        List<Document> overdue = new ArrayList<>();
        List<Document> today = new ArrayList<>();
        collections.activities().find(Filters.and(Filters.eq("organizationId", organizationId),
                        Filters.eq("assigneeId", assigneeId), Filters.eq("status", ActivityStatus.OPEN.name()),
                        Filters.or(Filters.lte("overdueFrom", at),
                                Filters.and(Filters.eq("due.date", day.toString()), Filters.gt("overdueFrom", at)))))
                .sort(DUE_ORDER)
                .forEach(activity -> (activity.getDate("overdueFrom").after(at) ? today : overdue).add(activity));
        Map<String, String> dealTitles = dealTitles(organizationId, overdue, today);
        return new Agenda(assigneeId, day, timeZone.getId(), items(overdue, dealTitles, now),
                items(today, dealTitles, now));
    }

    /** The titles of the visible deals among these activities'; a deal that is not visible is absent. */
    private Map<String, String> dealTitles(String organizationId, List<Document> overdue, List<Document> today) {
        Set<String> dealIds = new LinkedHashSet<>();
        overdue.forEach(activity -> dealIds.add(activity.getString("dealId")));
        today.forEach(activity -> dealIds.add(activity.getString("dealId")));
        Map<String, String> titles = new HashMap<>();
        if (dealIds.isEmpty()) {
            return titles;
        }
        collections.dealCards().find(Filters.and(Filters.in("_id", dealIds), DealCards.visibleTo(organizationId)))
                .projection(Projections.include("title"))
                .forEach(card -> titles.put(card.getString("_id"), card.getString("title")));
        return titles;
    }

    private List<AgendaItem> items(List<Document> activities, Map<String, String> dealTitles, Instant now) {
        return activities.stream()
                .filter(activity -> dealTitles.containsKey(activity.getString("dealId")))
                .map(activity -> item(activity, dealTitles.get(activity.getString("dealId")), now))
                .toList();
    }

    private AgendaItem item(Document activity, String dealTitle, Instant now) {
        Due due = BsonValues.due(activity.get("due", Document.class));
        DueView shown = DueView.of(due);
        return new AgendaItem(activity.getString("_id"), activity.getString("type"), activity.getString("subject"),
                shown.dueDate(), shown.dueTime(), shown.timeZone(),
                indicators.ofActivity(due.todayFrom(), due.overdueFrom(), now), activity.getString("dealId"),
                dealTitle, activity.getString("location"));
    }
}
