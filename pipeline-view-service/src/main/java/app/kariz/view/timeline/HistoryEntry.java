package app.kariz.view.timeline;

import app.kariz.view.card.DueView;

import java.time.Instant;

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

    /** Stage names are null when the pipeline is not known to this view (yet). */
    record StageChanged(String id, HistoryType type, Instant at, String by, String fromStageId,
                        String toStageId, String fromStageName, String toStageName) implements HistoryEntry {
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
}
