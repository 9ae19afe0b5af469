package app.kariz.view.projection;

import app.kariz.events.KarizEvent;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.ActivityUpdated;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.view.store.BsonValues;
import app.kariz.view.timeline.HistoryType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps {@code timeline}: one entry per deal or activity event, keyed by the event id so a redelivered event
 * replaces its own entry instead of adding a second one. Entries hold ids only where the name can change or
 * may not be known yet (stage names, an activity's subject on completion, its type and subject on a
 * reschedule); the timeline query adds them.
 * Events without an entry ({@code DealDeleted}: a deleted deal has no timeline) are left out.
 */
final class TimelineWriter {

    /** The editable fields in the order a {@code DEAL_UPDATED} entry lists them, as the card shows them. */
    private static final Map<String, Function<DealFields, Object>> EDITABLE_FIELDS = editableFields();
    /** An activity's editable fields other than its due, in {@link ActivityFields} order. */
    private static final Map<String, Function<ActivityFields, Object>> ACTIVITY_FIELDS = activityFields();

    private final MongoCollection<Document> timeline;

    TimelineWriter(MongoCollection<Document> timeline) {
        this.timeline = timeline;
    }

    void apply(ConsumedEvent consumed) {
        Document entry = entryFor(consumed.payload());
        if (entry == null) {
            return;
        }
        entry.append("_id", consumed.eventId())
                .append("organizationId", consumed.payload().organizationId())
                .append("stream", consumed.position().streamKey())
                .append("seq", consumed.position().sequence());
        timeline.replaceOne(Filters.eq("_id", consumed.eventId()), entry, new ReplaceOptions().upsert(true));
    }

    /** Forgets a deleted deal's history. */
    void deleteOfDeal(String organizationId, String dealId) {
        timeline.deleteMany(Filters.and(Filters.eq("dealId", dealId), Filters.eq("organizationId", organizationId)));
    }

    private static Document entryFor(KarizEvent event) {
        if (event instanceof DealOpened opened) {
            return entry(HistoryType.DEAL_OPENED, opened.dealId(), opened.openedAt(), opened.openedBy())
                    .append("pipelineId", opened.pipelineId())
                    .append("stageId", opened.stageId());
        }
        if (event instanceof DealUpdated updated) {
            return entry(HistoryType.DEAL_UPDATED, updated.dealId(), updated.updatedAt(), updated.updatedBy())
                    .append("changes", changes(EDITABLE_FIELDS, updated.from(), updated.to(), updated.changed()));
        }
        if (event instanceof DealMoved moved) {
            return entry(HistoryType.STAGE_CHANGED, moved.dealId(), moved.movedAt(), moved.movedBy())
                    .append("fromPipelineId", moved.fromPipelineId())
                    .append("fromStageId", moved.fromStageId())
                    .append("toPipelineId", moved.toPipelineId())
                    .append("toStageId", moved.toStageId())
                    .append("fromStageEnteredAt", BsonValues.date(moved.fromStageEnteredAt()));
        }
        if (event instanceof DealWon won) {
            return entry(HistoryType.DEAL_WON, won.dealId(), won.wonAt(), won.wonBy());
        }
        if (event instanceof DealLost lost) {
            return entry(HistoryType.DEAL_LOST, lost.dealId(), lost.lostAt(), lost.lostBy())
                    .append("reason", lost.reason());
        }
        if (event instanceof DealReopened reopened) {
            return entry(HistoryType.DEAL_REOPENED, reopened.dealId(), reopened.reopenedAt(), reopened.reopenedBy());
        }
        if (event instanceof ActivityScheduled scheduled) {
            return entry(HistoryType.ACTIVITY_SCHEDULED, scheduled.dealId(), scheduled.scheduledAt(),
                    scheduled.scheduledBy())
                    .append("activityId", scheduled.activityId())
                    .append("activityType", scheduled.type())
                    .append("subject", scheduled.subject())
                    .append("due", BsonValues.due(scheduled.due()));
        }
        if (event instanceof ActivityCompleted completed) {
            return entry(HistoryType.ACTIVITY_COMPLETED, completed.dealId(), completed.completedAt(),
                    completed.completedBy())
                    .append("activityId", completed.activityId())
                    .append("activityType", completed.type())
                    .append("result", completed.result());
        }
        if (event instanceof ActivityPostponed postponed) {
            return entry(HistoryType.ACTIVITY_POSTPONED, postponed.dealId(), postponed.postponedAt(),
                    postponed.postponedBy())
                    .append("activityId", postponed.activityId())
                    .append("from", BsonValues.due(postponed.from()))
                    .append("to", BsonValues.due(postponed.to()))
                    .append("reason", postponed.reason());
        }
        if (event instanceof ActivityRescheduled rescheduled) {
            return entry(HistoryType.ACTIVITY_RESCHEDULED, rescheduled.dealId(), rescheduled.rescheduledAt(),
                    rescheduled.rescheduledBy())
                    .append("activityId", rescheduled.activityId())
                    .append("from", BsonValues.due(rescheduled.from()))
                    .append("to", BsonValues.due(rescheduled.to()));
        }
        if (event instanceof ActivityUpdated updated) {
            ActivityFields to = updated.to();
            return entry(HistoryType.ACTIVITY_UPDATED, updated.dealId(), updated.updatedAt(), updated.updatedBy())
                    .append("activityId", updated.activityId())
                    .append("activityType", to == null ? null : to.type())
                    .append("subject", to == null ? null : to.subject())
                    .append("changes", changes(ACTIVITY_FIELDS, updated.from(), to, updated.changed()));
        }
        if (event instanceof ActivityReopened reopened) {
            return entry(HistoryType.ACTIVITY_REOPENED, reopened.dealId(), reopened.reopenedAt(),
                    reopened.reopenedBy())
                    .append("activityId", reopened.activityId())
                    .append("activityType", reopened.type());
        }
        if (event instanceof ActivityCancelled cancelled) {
            return entry(HistoryType.ACTIVITY_CANCELLED, cancelled.dealId(), cancelled.cancelledAt(),
                    cancelled.cancelledBy())
                    .append("activityId", cancelled.activityId())
                    .append("activityType", cancelled.type())
                    .append("reason", cancelled.reason());
        }
        return null;
    }

    /**
     * {@code [{field, from, to}]} for the fields the event names as changed, in the order of {@code fields}, with
     * values stored as the views store them (a deal's value as {@code {amount, currency}}, dates as ISO strings).
     * Without a list of changed fields, the fields that differ between {@code from} and {@code to} are taken.
     */
    private static <F> List<Document> changes(Map<String, Function<F, Object>> fields, F from, F to,
                                              List<String> changed) {
        return fields.entrySet().stream()
                .filter(field -> changed != null
                        ? changed.contains(field.getKey())
                        : !Objects.equals(valueOf(from, field.getValue()), valueOf(to, field.getValue())))
                .map(field -> new Document("field", field.getKey())
                        .append("from", valueOf(from, field.getValue()))
                        .append("to", valueOf(to, field.getValue())))
                .toList();
    }

    private static <F> Object valueOf(F fields, Function<F, Object> field) {
        return fields == null ? null : field.apply(fields);
    }

    private static Map<String, Function<DealFields, Object>> editableFields() {
        Map<String, Function<DealFields, Object>> fields = new LinkedHashMap<>();
        fields.put("title", DealFields::title);
        fields.put("value", deal -> DealCardWriter.money(deal.value()));
        fields.put("ownerId", DealFields::ownerId);
        fields.put("personName", DealFields::personName);
        fields.put("organizationName", DealFields::organizationName);
        fields.put("expectedCloseDate", deal -> isoDate(deal.expectedCloseDate()));
        return fields;
    }

    private static Map<String, Function<ActivityFields, Object>> activityFields() {
        Map<String, Function<ActivityFields, Object>> fields = new LinkedHashMap<>();
        fields.put("type", ActivityFields::type);
        fields.put("subject", ActivityFields::subject);
        fields.put("durationMinutes", ActivityFields::durationMinutes);
        fields.put("assigneeId", ActivityFields::assigneeId);
        fields.put("note", ActivityFields::note);
        fields.put("location", ActivityFields::location);
        return fields;
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Document entry(HistoryType type, String dealId, Instant at, String by) {
        return new Document("dealId", dealId)
                .append("type", type.name())
                .append("at", BsonValues.date(at))
                .append("by", by);
    }
}
