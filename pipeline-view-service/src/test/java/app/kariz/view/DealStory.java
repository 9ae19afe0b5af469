package app.kariz.view;

import app.kariz.events.EventCatalog;
import app.kariz.events.KarizEvent;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.ActivityUpdated;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.Position;
import app.kariz.support.consume.ConsumedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the events of one deal and its activities as the command services would publish them: each stream's
 * sequence starting at 0 without gaps, a fresh event id per event. Events are only built here; the test
 * decides in which order (and how often) they reach the projection.
 */
public final class DealStory {

    public static final String USER = "user-1";
    private static final Instant PUBLISHED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final String organizationId;
    private final String dealId;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, ActivityFields> activities = new HashMap<>();
    private final Map<String, Due> dues = new HashMap<>();
    private String pipelineId;
    private String stageId;
    private Instant stageEnteredAt;
    private DealFields fields;

    public DealStory(String organizationId, String dealId) {
        this.organizationId = organizationId;
        this.dealId = dealId;
    }

    public String dealId() {
        return dealId;
    }

    public static ConsumedEvent pipelineCreated(String organizationId, String pipelineId, String name,
                                                List<PipelineStage> stages) {
        return consumed(new Position("pipeline", pipelineId, 0), new PipelineCreated(organizationId, pipelineId,
                name, stages, Instant.parse("2026-01-01T00:00:00Z"), USER));
    }

    public ConsumedEvent opened(String title, String pipelineId, String stageId, Instant at) {
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.stageEnteredAt = at;
        this.fields = new DealFields(title, new Money(new BigDecimal("1200.00"), "IRR"), "owner-1", "Sara Ahmadi",
                "Kariz Co", LocalDate.parse("2026-12-31"));
        return deal(new DealOpened(organizationId, dealId, pipelineId, stageId, title, fields.value(),
                fields.ownerId(), fields.personName(), fields.organizationName(), fields.expectedCloseDate(), at,
                USER));
    }

    /** The deal's editable fields as its last event left them. */
    public DealFields fields() {
        return fields;
    }

    /** An edit to {@code to}; {@code changed} lists the fields that differ, as the deal service does. */
    public ConsumedEvent updated(DealFields to, Instant at) {
        DealFields from = fields;
        fields = to;
        List<String> changed = new ArrayList<>();
        Map<String, Function<DealFields, Object>> editable = new LinkedHashMap<>();
        editable.put("title", DealFields::title);
        editable.put("value", DealFields::value);
        editable.put("ownerId", DealFields::ownerId);
        editable.put("personName", DealFields::personName);
        editable.put("organizationName", DealFields::organizationName);
        editable.put("expectedCloseDate", DealFields::expectedCloseDate);
        editable.forEach((name, field) -> {
            if (!Objects.equals(field.apply(from), field.apply(to))) {
                changed.add(name);
            }
        });
        return deal(new DealUpdated(organizationId, dealId, from, to, changed, at, USER));
    }

    /** A move within the deal's pipeline. */
    public ConsumedEvent moved(String toStageId, Instant at) {
        return movedTo(pipelineId, toStageId, at);
    }

    /** A move to a stage of any pipeline, saying when the deal had entered the stage it leaves. */
    public ConsumedEvent movedTo(String toPipelineId, String toStageId, Instant at) {
        ConsumedEvent moved = deal(new DealMoved(organizationId, dealId, pipelineId, stageId, toPipelineId, toStageId,
                stageEnteredAt, at, USER));
        pipelineId = toPipelineId;
        stageId = toStageId;
        stageEnteredAt = at;
        return moved;
    }

    /** The same move as an older deal service published it, without when the left stage was entered. */
    public static ConsumedEvent withoutStageEnteredAt(ConsumedEvent move) {
        DealMoved moved = (DealMoved) move.payload();
        return new ConsumedEvent(move.eventId(), move.ceType(), move.position(), move.time(), move.correlationId(),
                new DealMoved(moved.organizationId(), moved.dealId(), moved.fromPipelineId(), moved.fromStageId(),
                        moved.toPipelineId(), moved.toStageId(), null, moved.movedAt(), moved.movedBy()));
    }

    public ConsumedEvent deleted(Instant at) {
        return deal(new DealDeleted(organizationId, dealId, at, USER));
    }

    public ConsumedEvent won(Instant at) {
        return deal(new DealWon(organizationId, dealId, at, USER));
    }

    public ConsumedEvent lost(String reason, Instant at) {
        return deal(new DealLost(organizationId, dealId, reason, at, USER));
    }

    public ConsumedEvent reopened(Instant at) {
        return deal(new DealReopened(organizationId, dealId, at, USER));
    }

    public ConsumedEvent scheduled(String activityId, String type, String subject, Due due, Instant at) {
        return scheduled(activityId, type, subject, due, null, at);
    }

    public ConsumedEvent scheduled(String activityId, String type, String subject, Due due, String location,
                                   Instant at) {
        ActivityFields fields = new ActivityFields(type, subject, 30, "assignee-1", "note", location);
        activities.put(activityId, fields);
        dues.put(activityId, due);
        return activity(activityId, new ActivityScheduled(organizationId, activityId, dealId, type, subject, due,
                fields.durationMinutes(), fields.assigneeId(), fields.note(), location, at, USER));
    }

    /** An activity's fields as its last event left them. */
    public ActivityFields fieldsOf(String activityId) {
        return activities.get(activityId);
    }

    public ConsumedEvent completed(String activityId, String result, Instant at) {
        ActivityFields fields = activities.get(activityId);
        return activity(activityId, new ActivityCompleted(organizationId, activityId, dealId, fields.type(),
                fields.assigneeId(), dues.get(activityId), result, at, USER));
    }

    public ConsumedEvent postponed(String activityId, Due to, String reason, Instant at) {
        Due from = dues.put(activityId, to);
        return activity(activityId, new ActivityPostponed(organizationId, activityId, dealId,
                activities.get(activityId).assigneeId(), from, to, reason, at, USER));
    }

    public ConsumedEvent rescheduled(String activityId, Due to, Instant at) {
        Due from = dues.put(activityId, to);
        return activity(activityId, new ActivityRescheduled(organizationId, activityId, dealId,
                activities.get(activityId).assigneeId(), from, to, at, USER));
    }

    /** An edit to {@code to}; {@code changed} lists the fields that differ, as the activity service does. */
    public ConsumedEvent activityUpdated(String activityId, ActivityFields to, Instant at) {
        ActivityFields from = activities.put(activityId, to);
        Map<String, Function<ActivityFields, Object>> editable = new LinkedHashMap<>();
        editable.put("type", ActivityFields::type);
        editable.put("subject", ActivityFields::subject);
        editable.put("durationMinutes", ActivityFields::durationMinutes);
        editable.put("assigneeId", ActivityFields::assigneeId);
        editable.put("note", ActivityFields::note);
        editable.put("location", ActivityFields::location);
        List<String> changed = new ArrayList<>();
        editable.forEach((name, field) -> {
            if (!Objects.equals(field.apply(from), field.apply(to))) {
                changed.add(name);
            }
        });
        return activity(activityId, new ActivityUpdated(organizationId, activityId, dealId, from, to, changed,
                dues.get(activityId), at, USER));
    }

    /** A done activity opened again. */
    public ConsumedEvent activityReopened(String activityId, Instant at) {
        ActivityFields fields = activities.get(activityId);
        return activity(activityId, new ActivityReopened(organizationId, activityId, dealId, fields.type(),
                fields.assigneeId(), dues.get(activityId), at, USER));
    }

    /** {@code reason}: {@code BY_USER} or {@code DEAL_DELETED}. */
    public ConsumedEvent cancelled(String activityId, String reason, Instant at) {
        ActivityFields fields = activities.get(activityId);
        return activity(activityId, new ActivityCancelled(organizationId, activityId, dealId, fields.type(),
                fields.assigneeId(), dues.get(activityId), reason, at, USER));
    }

    private ConsumedEvent deal(KarizEvent event) {
        return consumed(next("deal", dealId), event);
    }

    private ConsumedEvent activity(String activityId, KarizEvent event) {
        return consumed(next("activity", activityId), event);
    }

    private Position next(String type, String id) {
        long sequence = nextSequence.merge(type + ":" + id, 1L, Long::sum) - 1;
        return new Position(type, id, sequence);
    }

    static ConsumedEvent consumed(Position position, KarizEvent event) {
        String ceType = EventCatalog.byJavaType(event.getClass()).orElseThrow().ceType();
        return new ConsumedEvent(UUID.randomUUID().toString(), ceType, position, PUBLISHED_AT, "correlation-1",
                event);
    }
}
