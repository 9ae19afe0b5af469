package app.kariz.view.timeline;

import app.kariz.view.card.DueView;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a deal's history: {@code id} (the event's), {@code type}, {@code at} (when it happened),
 * {@code by} (the user who did it) and what is particular to its type.
 */
public sealed interface HistoryEntry {

    String id();

    HistoryType type();

    Instant at();

    String by();

    /** DEAL_OPENED, DEAL_WON and DEAL_REOPENED: nothing to add. */
    record DealChanged(String id, HistoryType type, Instant at, String by) implements HistoryEntry {
    }

    /** DEAL_UPDATED: each changed field with its value before and after. */
    record DealUpdated(String id, HistoryType type, Instant at, String by, List<FieldChange> changes)
            implements HistoryEntry {
    }

    /**
     * One edited field. A deal's values are shown as on the deal card: {@code value} as
     * {@code {amount, currency}}, {@code expectedCloseDate} as {@code 2026-12-31}, the others as text; an
     * activity's as on the activity ({@code durationMinutes} a number). Null when unset.
     */
    record FieldChange(String field, Object from, Object to) {
    }

    /**
     * STAGE_CHANGED, possibly into another pipeline. Stage names are null when the pipeline is not known to this
     * view (yet). {@code timeInStage} (ISO-8601, e.g. {@code PT26H5M}) and {@code timeInStageSeconds} are how
     * long the deal had been in the stage it left, whole seconds; null when the event does not say when it had
     * entered that stage.
     */
    record StageChanged(String id, HistoryType type, Instant at, String by, String fromPipelineId,
                        String fromStageId, String toPipelineId, String toStageId, String fromStageName,
                        String toStageName, String timeInStage, Long timeInStageSeconds) implements HistoryEntry {
    }

    record DealLost(String id, HistoryType type, Instant at, String by, String reason) implements HistoryEntry {
    }

    record ActivityScheduled(String id, HistoryType type, Instant at, String by, String activityId,
                             String activityType, String subject, DueView due) implements HistoryEntry {
    }

    record ActivityCompleted(String id, HistoryType type, Instant at, String by, String activityId,
                             String activityType, String subject, String result) implements HistoryEntry {
    }

    record ActivityPostponed(String id, HistoryType type, Instant at, String by, String activityId,
                             String subject, DueView from, DueView to, String reason) implements HistoryEntry {
    }

    /** ACTIVITY_RESCHEDULED: the due was corrected, earlier or later (not a postponement). */
    record ActivityRescheduled(String id, HistoryType type, Instant at, String by, String activityId,
                               String activityType, String subject, DueView from, DueView to)
            implements HistoryEntry {
    }

    /**
     * ACTIVITY_UPDATED: each changed field ({@code type}, {@code subject}, {@code durationMinutes},
     * {@code assigneeId}, {@code note}, {@code location}) with its value before and after; {@code activityType} and
     * {@code subject} are as the edit left them.
     */
    record ActivityUpdated(String id, HistoryType type, Instant at, String by, String activityId,
                           String activityType, String subject, List<FieldChange> changes) implements HistoryEntry {
    }

    /** ACTIVITY_REOPENED: a done activity is open again; the earlier ACTIVITY_COMPLETED stays in the history. */
    record ActivityReopened(String id, HistoryType type, Instant at, String by, String activityId,
                            String activityType, String subject) implements HistoryEntry {
    }

    /** ACTIVITY_CANCELLED; {@code reason} is {@code BY_USER} or {@code DEAL_DELETED}. */
    record ActivityCancelled(String id, HistoryType type, Instant at, String by, String activityId,
                             String activityType, String subject, String reason) implements HistoryEntry {
    }
}
