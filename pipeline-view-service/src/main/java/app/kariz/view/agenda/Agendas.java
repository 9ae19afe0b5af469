package app.kariz.view.agenda;

import app.kariz.events.activity.Due;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DueView;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorQuery;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads agendas from the {@code activities} collection, which stores each activity's {@code todayFrom} and
 * {@code overdueFrom} instants (already in the activity's own time zone) beside its local {@code due.date}:
 * <ul>
 *   <li>overdue: open and {@code OVERDUE} by the {@link IndicatorRule} ({@code overdueFrom <= now});</li>
 *   <li>today: open, {@code due.date} equals the day asked for, and not overdue ({@code overdueFrom > now}).</li>
 * </ul>
 * Both are ordered by due ({@code overdueFrom}: an all-day activity counts as due at the end of its day), then by
 * when they were scheduled, then by id. An activity is listed only while its deal is visible (opened, not deleted);
 * won and lost deals' open activities stay on the agenda until they are done or cancelled.
 * <p>
 * Each list is paged by keyset on that order ({@link AgendaCursor}) with its own query, and counted by another
 * ({@code countDocuments} on the same filter, answered from the index). A page whose activities include some of
 * a deal that is not visible (deleted deals' activities are removed; this is a deal whose {@code DealOpened} has
 * not arrived yet) holds fewer than {@code limit}, and the count still includes them until the deal is opened.
 */
public class Agendas {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final Bson DUE_ORDER = Sorts.ascending("overdueFrom", "scheduledAt", "_id");

    private final ViewCollections.Reads reads;
    private final IndicatorRule indicators;

    public Agendas(ViewCollections collections, IndicatorRule indicators) {
        this.reads = collections.reads();
        this.indicators = indicators;
    }

    /** The first page of each list, {@value #DEFAULT_LIMIT} activities at most. */
    public Agenda find(String organizationId, String assigneeId, LocalDate date, ZoneId timeZone) {
        return find(organizationId, assigneeId, date, timeZone, DEFAULT_LIMIT, null, null);
    }

    /**
     * @param date         the day whose activities {@code today} lists; null for today in {@code timeZone}
     * @param limit        the most activities each list's page holds
     * @param overdueAfter where the page of {@code overdue} starts; null for its beginning
     * @param todayAfter   where the page of {@code today} starts; null for its beginning
     */
    public Agenda find(String organizationId, String assigneeId, LocalDate date, ZoneId timeZone, int limit,
                       AgendaCursor overdueAfter, AgendaCursor todayAfter) {
        Instant now = indicators.now();
        LocalDate day = date != null ? date : LocalDate.ofInstant(now, timeZone);
        // Each list is its own indexed query (agenda_overdue, agenda_day), sorted by due and cut at the page.
        List<Bson> overdueFilter = List.of(Filters.eq("assigneeId", assigneeId),
                Filters.eq("status", ActivityStatus.OPEN.name()),
                IndicatorQuery.ACTIVITIES.matching(Indicator.OVERDUE, now));
        List<Bson> todayFilter = List.of(Filters.eq("assigneeId", assigneeId),
                Filters.eq("status", ActivityStatus.OPEN.name()), Filters.eq("due.date", day.toString()),
                IndicatorQuery.ACTIVITIES.holding(IndicatorRule.NOT_OVERDUE, now));
        Page overdue = page(organizationId, AgendaCursor.Listing.OVERDUE, overdueFilter, overdueAfter, limit);
        Page today = page(organizationId, AgendaCursor.Listing.TODAY, todayFilter, todayAfter, limit);
        Map<String, String> dealTitles = dealTitles(organizationId, overdue.activities(), today.activities());
        return new Agenda(assigneeId, day, timeZone.getId(),
                items(overdue.activities(), dealTitles, now), reads.activities().count(organizationId, overdueFilter),
                overdue.nextCursor(),
                items(today.activities(), dealTitles, now), reads.activities().count(organizationId, todayFilter),
                today.nextCursor());
    }

    /** Up to {@code limit} activities after {@code after} in due order, and the cursor after them if more follow. */
    private Page page(String organizationId, AgendaCursor.Listing listing, List<Bson> filter, AgendaCursor after,
                      int limit) {
        List<Document> activities = new ArrayList<>(limit + 1);
        FindIterable<Document> found = after == null ? reads.activities().find(organizationId, filter)
                : reads.activities().find(organizationId, filter, after.activitiesAfter());
        found.sort(DUE_ORDER)
                .limit(limit + 1)
                .into(activities);
        if (activities.size() <= limit) {
            return new Page(activities, null);
        }
        List<Document> page = activities.subList(0, limit);
        return new Page(page, AgendaCursor.after(listing, page.get(limit - 1)).encode());
    }

    /** One page of a list's activities, before the deals that are not visible are left out. */
    private record Page(List<Document> activities, String nextCursor) {
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
        reads.dealCards().find(organizationId, DealCards.visible(), Filters.in("_id", dealIds))
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
