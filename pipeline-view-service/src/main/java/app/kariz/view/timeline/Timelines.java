package app.kariz.view.timeline;

import app.kariz.events.activity.Due;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DueView;
import app.kariz.view.card.ScheduledActivity;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a deal's timeline. Names that may change or arrive on another topic after the entry (stage names,
 * the subject of a completed, postponed, rescheduled, reopened or cancelled activity, the type of a rescheduled
 * one) are looked up now rather than copied into the entry. A deleted deal has no timeline. History comes in pages
 * ({@link HistoryCursor}); the planned activities come whole with every page.
 */
public class Timelines {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** Newest first; {@code seq} (the event's sequence in its stream) and the id settle equal instants. */
    private static final Bson HISTORY_ORDER = Sorts.descending("at", "seq", "_id");

    private final ViewCollections.Reads reads;
    private final Pipelines pipelines;
    private final IndicatorRule indicators;

    public Timelines(ViewCollections collections, Pipelines pipelines, IndicatorRule indicators) {
        this.reads = collections.reads();
        this.pipelines = pipelines;
        this.indicators = indicators;
    }

    /** The planned activities and the newest {@link #DEFAULT_LIMIT} history entries. */
    public Optional<Timeline> find(String organizationId, String dealId) {
        return find(organizationId, dealId, DEFAULT_LIMIT, null);
    }

    /**
     * @param limit how many history entries at most
     * @param cursor the previous page's {@code nextCursor}; null for the newest entries
     */
    public Optional<Timeline> find(String organizationId, String dealId, int limit, String cursor) {
        return find(organizationId, dealId, limit, cursor, null);
    }

    /** @param onlyOwnerId a deal not owned by this owner has no timeline; null: whoever owns it */
    public Optional<Timeline> find(String organizationId, String dealId, int limit, String cursor,
                                   String onlyOwnerId) {
        HistoryCursor after = HistoryCursor.parse(cursor);
        Bson ofThisDeal = Filters.eq("_id", dealId);
        Document card = (onlyOwnerId == null
                ? reads.dealCards().find(organizationId, DealCards.visible(), ofThisDeal)
                : reads.dealCards().find(organizationId, DealCards.visible(), ofThisDeal,
                        Filters.eq("ownerId", onlyOwnerId))).first();
        if (card == null) {
            return Optional.empty();
        }
        Bson ofDeal = Filters.eq("dealId", dealId);
        List<Document> entries = reads.timeline()
                .find(organizationId, after == null ? List.of(ofDeal) : List.of(ofDeal, after.entriesAfter()))
                .sort(HISTORY_ORDER).limit(limit + 1).into(new ArrayList<>());
        boolean more = entries.size() > limit;
        List<Document> page = more ? entries.subList(0, limit) : entries;
        List<Document> open = reads.activities()
                .find(organizationId, ofDeal, Filters.eq("status", ActivityStatus.OPEN.name())).into(new ArrayList<>());
        Map<String, Document> activities = activitiesOf(organizationId, ofDeal, open, page);
        Map<String, String> stageNames = stageNames(organizationId, card, page);
        return Optional.of(new Timeline(planned(open),
                page.stream().map(entry -> historyEntry(entry, activities, stageNames)).toList(),
                more ? HistoryCursor.after(page.get(page.size() - 1)).encode() : null));
    }

    /** The open activities and those the page's entries name, by id, for their current subject and type. */
    private Map<String, Document> activitiesOf(String organizationId, Bson ofDeal, List<Document> open,
                                               List<Document> entries) {
        Map<String, Document> activities = new HashMap<>();
        open.forEach(activity -> activities.put(activity.getString("_id"), activity));
        Set<String> named = new LinkedHashSet<>();
        entries.forEach(entry -> named.add(entry.getString("activityId")));
        named.remove(null);
        named.removeAll(activities.keySet());
        if (!named.isEmpty()) {
            reads.activities().find(organizationId, ofDeal, Filters.in("_id", named))
                    .forEach(activity -> activities.put(activity.getString("_id"), activity));
        }
        return activities;
    }

    private List<PlannedActivity> planned(List<Document> open) {
        List<Document> sorted = new ArrayList<>(open);
        sorted.sort(Comparator.comparing(ScheduledActivity::of, ScheduledActivity.EARLIEST_DUE_FIRST));
        return sorted.stream().map(this::plannedActivity).toList();
    }

    private PlannedActivity plannedActivity(Document activity) {
        Due due = BsonValues.due(activity.get("due", Document.class));
        DueView shown = DueView.of(due);
        return new PlannedActivity(activity.getString("_id"), activity.getString("type"),
                activity.getString("subject"), shown.dueDate(), shown.dueTime(), shown.timeZone(),
                indicators.ofActivity(due.todayFrom(), due.overdueFrom()), activity.getInteger("durationMinutes"),
                activity.getString("assigneeId"), activity.getString("note"), activity.getString("location"),
                BsonValues.instant(activity, "scheduledAt"), activity.getString("scheduledBy"),
                activity.getInteger("postponeCount", 0));
    }

    private Map<String, String> stageNames(String organizationId, Document card, List<Document> entries) {
        Set<String> pipelineIds = new LinkedHashSet<>();
        pipelineIds.add(card.getString("pipelineId"));
        for (Document entry : entries) {
            if (HistoryType.STAGE_CHANGED.name().equals(entry.getString("type"))) {
                pipelineIds.add(entry.getString("fromPipelineId"));
                pipelineIds.add(entry.getString("toPipelineId"));
            }
        }
        pipelineIds.remove(null);
        return pipelines.stageNames(organizationId, pipelineIds);
    }

    private static HistoryEntry historyEntry(Document entry, Map<String, Document> activities,
                                             Map<String, String> stageNames) {
        HistoryType type = HistoryType.valueOf(entry.getString("type"));
        String id = entry.getString("_id");
        Instant at = BsonValues.instant(entry, "at");
        String by = entry.getString("by");
        Document activity = activities.get(entry.getString("activityId"));
        String subject = storedOrCurrent(entry, activity, "subject", "subject");
        String activityType = storedOrCurrent(entry, activity, "activityType", "type");
        return switch (type) {
            case DEAL_OPENED, DEAL_WON, DEAL_REOPENED -> new HistoryEntry.DealChanged(id, type, at, by);
            case DEAL_UPDATED -> new HistoryEntry.DealUpdated(id, type, at, by, changes(entry));
            case DEAL_LOST -> new HistoryEntry.DealLost(id, type, at, by, entry.getString("reason"));
            case STAGE_CHANGED -> stageChanged(entry, id, at, by, stageNames);
            case ACTIVITY_SCHEDULED -> new HistoryEntry.ActivityScheduled(id, type, at, by,
                    entry.getString("activityId"), activityType, subject, due(entry, "due"));
            case ACTIVITY_COMPLETED -> new HistoryEntry.ActivityCompleted(id, type, at, by,
                    entry.getString("activityId"), activityType, subject, entry.getString("result"));
            case ACTIVITY_POSTPONED -> new HistoryEntry.ActivityPostponed(id, type, at, by,
                    entry.getString("activityId"), subject, due(entry, "from"), due(entry, "to"),
                    entry.getString("reason"));
            case ACTIVITY_RESCHEDULED -> new HistoryEntry.ActivityRescheduled(id, type, at, by,
                    entry.getString("activityId"), activityType, subject, due(entry, "from"), due(entry, "to"));
            case ACTIVITY_UPDATED -> new HistoryEntry.ActivityUpdated(id, type, at, by,
                    entry.getString("activityId"), activityType, subject, changes(entry));
            case ACTIVITY_REOPENED -> new HistoryEntry.ActivityReopened(id, type, at, by,
                    entry.getString("activityId"), activityType, subject);
            case ACTIVITY_CANCELLED -> new HistoryEntry.ActivityCancelled(id, type, at, by,
                    entry.getString("activityId"), activityType, subject, entry.getString("reason"));
        };
    }

    /** The entry's own value when it has one, else the activity's as it is now (null for a deal's entry). */
    private static String storedOrCurrent(Document entry, Document activity, String entryField,
                                          String activityField) {
        String stored = entry.getString(entryField);
        return stored != null || activity == null ? stored : activity.getString(activityField);
    }

    private static HistoryEntry.StageChanged stageChanged(Document entry, String id, Instant at, String by,
                                                          Map<String, String> stageNames) {
        Instant enteredAt = BsonValues.instant(entry, "fromStageEnteredAt");
        // Whole seconds, and never negative should the two services' clocks disagree.
        Long seconds = enteredAt == null || at == null ? null
                : Math.max(0, Duration.between(enteredAt, at).getSeconds());
        String fromStageId = entry.getString("fromStageId");
        String toStageId = entry.getString("toStageId");
        return new HistoryEntry.StageChanged(id, HistoryType.STAGE_CHANGED, at, by,
                entry.getString("fromPipelineId"), fromStageId, entry.getString("toPipelineId"), toStageId,
                stageNames.get(fromStageId), stageNames.get(toStageId),
                seconds == null ? null : Duration.ofSeconds(seconds).toString(), seconds);
    }

    /** Values as the projection stored them: {@code {amount, currency}} documents become amounts. */
    private static List<HistoryEntry.FieldChange> changes(Document entry) {
        List<Document> changes = entry.getList("changes", Document.class);
        if (changes == null) {
            return List.of();
        }
        return changes.stream().map(change -> new HistoryEntry.FieldChange(change.getString("field"),
                shown(change.get("from")), shown(change.get("to")))).toList();
    }

    private static Object shown(Object stored) {
        return stored instanceof Document value ? DealCards.amount(value) : stored;
    }

    private static DueView due(Document entry, String field) {
        Document due = entry.get(field, Document.class);
        return due == null ? null : DueView.of(BsonValues.due(due));
    }
}
