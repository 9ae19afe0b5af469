package app.kariz.view;

import app.kariz.events.EventCatalog;
import app.kariz.events.KarizEvent;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.Position;
import app.kariz.support.consume.ConsumedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private final Map<String, ActivityScheduled> activities = new HashMap<>();
    private final Map<String, Due> dues = new HashMap<>();
    private String pipelineId;
    private String stageId;

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
        return deal(new DealOpened(organizationId, dealId, pipelineId, stageId, title,
                new Money(new BigDecimal("1200.00"), "IRR"), "owner-1", "Sara Ahmadi", "Kariz Co",
                LocalDate.parse("2026-12-31"), at, USER));
    }

    public ConsumedEvent moved(String toStageId, Instant at) {
        String from = stageId;
        stageId = toStageId;
        return deal(new DealMoved(organizationId, dealId, pipelineId, from, pipelineId, toStageId, null, at, USER));
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
        ActivityScheduled scheduled = new ActivityScheduled(organizationId, activityId, dealId, type, subject, due,
                30, "assignee-1", "note", at, USER);
        activities.put(activityId, scheduled);
        dues.put(activityId, due);
        return activity(activityId, scheduled);
    }

    public ConsumedEvent completed(String activityId, String result, Instant at) {
        ActivityScheduled scheduled = activities.get(activityId);
        return activity(activityId, new ActivityCompleted(organizationId, activityId, dealId, scheduled.type(),
                scheduled.assigneeId(), dues.get(activityId), result, at, USER));
    }

    public ConsumedEvent postponed(String activityId, Due to, String reason, Instant at) {
        Due from = dues.put(activityId, to);
        return activity(activityId, new ActivityPostponed(organizationId, activityId, dealId,
                activities.get(activityId).assigneeId(), from, to, reason, at, USER));
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

    private static ConsumedEvent consumed(Position position, KarizEvent event) {
        String ceType = EventCatalog.byJavaType(event.getClass()).orElseThrow().ceType();
        return new ConsumedEvent(UUID.randomUUID().toString(), ceType, position, PUBLISHED_AT, "correlation-1",
                event);
    }
}
