package app.kariz.view.timeline;

/** The kinds of entry in a deal's history, as named in the public API. */
public enum HistoryType {
    DEAL_OPENED, DEAL_UPDATED, STAGE_CHANGED, ACTIVITY_SCHEDULED, ACTIVITY_COMPLETED, ACTIVITY_POSTPONED,
    ACTIVITY_CANCELLED, DEAL_WON, DEAL_LOST, DEAL_REOPENED
}
