package app.kariz.events;

import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.ActivityUpdated;
import app.kariz.events.activitytype.ActivityTypeAdded;
import app.kariz.events.activitytype.ActivityTypeChanged;
import app.kariz.events.activitytype.ActivityTypeEvent;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.events.organization.OrganizationCreated;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineEvent;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every public event type. A record not listed here is never published. */
public final class EventCatalog {

    private static final List<EventType<?>> TYPES = List.of(
            deal("kariz.deal.opened.v1", DealOpened.class, DealOpened::dealId),
            deal("kariz.deal.updated.v1", DealUpdated.class, DealUpdated::dealId),
            deal("kariz.deal.moved.v1", DealMoved.class, DealMoved::dealId),
            deal("kariz.deal.won.v1", DealWon.class, DealWon::dealId),
            deal("kariz.deal.lost.v1", DealLost.class, DealLost::dealId),
            deal("kariz.deal.reopened.v1", DealReopened.class, DealReopened::dealId),
            deal("kariz.deal.deleted.v1", DealDeleted.class, DealDeleted::dealId),
            activity("kariz.activity.scheduled.v1", ActivityScheduled.class, ActivityScheduled::dealId),
            activity("kariz.activity.completed.v1", ActivityCompleted.class, ActivityCompleted::dealId),
            activity("kariz.activity.postponed.v1", ActivityPostponed.class, ActivityPostponed::dealId),
            activity("kariz.activity.rescheduled.v1", ActivityRescheduled.class, ActivityRescheduled::dealId),
            activity("kariz.activity.updated.v1", ActivityUpdated.class, ActivityUpdated::dealId),
            activity("kariz.activity.cancelled.v1", ActivityCancelled.class, ActivityCancelled::dealId),
            activity("kariz.activity.reopened.v1", ActivityReopened.class, ActivityReopened::dealId),
            activityType("kariz.activity-type.added.v1", ActivityTypeAdded.class),
            activityType("kariz.activity-type.changed.v1", ActivityTypeChanged.class),
            pipeline("kariz.pipeline.created.v1", PipelineCreated.class),
            pipeline("kariz.pipeline.renamed.v1", PipelineRenamed.class),
            pipeline("kariz.pipeline.deleted.v1", PipelineDeleted.class),
            pipeline("kariz.pipeline.stage-added.v1", StageAdded.class),
            pipeline("kariz.pipeline.stage-updated.v1", StageUpdated.class),
            pipeline("kariz.pipeline.stages-reordered.v1", StagesReordered.class),
            pipeline("kariz.pipeline.stage-removed.v1", StageRemoved.class),
            new EventType<>("kariz.organization.created.v1", Topics.ORGANIZATIONS, OrganizationCreated.class,
                    OrganizationCreated::organizationId));

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_JAVA_TYPE =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return TYPES;
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static Optional<EventType<?>> byJavaType(Class<?> javaType) {
        return Optional.ofNullable(BY_JAVA_TYPE.get(javaType));
    }

    private static <E extends KarizEvent> EventType<E> deal(String ceType, Class<E> type, Function<E, String> key) {
        return new EventType<>(ceType, Topics.DEALS, type, key);
    }

    private static <E extends ActivityTypeEvent> EventType<E> activityType(String ceType, Class<E> type) {
        return new EventType<>(ceType, Topics.ACTIVITY_TYPES, type, ActivityTypeEvent::organizationId);
    }

    private static <E extends PipelineEvent> EventType<E> pipeline(String ceType, Class<E> type) {
        return new EventType<>(ceType, Topics.PIPELINES, type, PipelineEvent::pipelineId);
    }

    private static <E extends KarizEvent> EventType<E> activity(String ceType, Class<E> type,
                                                              Function<E, String> key) {
        return new EventType<>(ceType, Topics.ACTIVITIES, type, key);
    }
}
