package app.kariz.activity.command;

import app.kariz.events.activity.Due;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of an activity; each names the organisation, who asks and when. */
public final class ActivityCommands {

    private ActivityCommands() {
    }

    public record ScheduleActivity(String activityId, String organizationId, String dealId, String type,
                                   String subject, Due due, Integer durationMinutes, String assigneeId, String note,
                                   Instant at, String by) {
    }

    /** {@code next}, when given, is scheduled in the same unit of work: both happen or neither. */
    public record CompleteActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                   String result, NextStep next, Instant at, String by) {
    }

    /**
     * The follow-up scheduled when an activity is done: on the same deal, assigned by default to whoever was
     * assigned the activity just done.
     */
    public record NextStep(String activityId, String type, String subject, Due due, Integer durationMinutes,
                           String assigneeId, String note) {
    }

    public record PostponeActivity(@TargetAggregateIdentifier String activityId, String organizationId, Due to,
                                   String reason, Instant at, String by) {
    }

    /** Only an open activity can be cancelled; a done one keeps its result, a cancelled one stays cancelled. */
    public record CancelActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                 CancellationReason reason, Instant at, String by) {
    }

    /** Why an activity will not happen, as {@code ActivityCancelled.reason} carries it. */
    public enum CancellationReason {
        /** A salesperson cancelled it. */
        BY_USER,
        /** Its deal was deleted; {@code by} is whoever deleted the deal. */
        DEAL_DELETED
    }
}
