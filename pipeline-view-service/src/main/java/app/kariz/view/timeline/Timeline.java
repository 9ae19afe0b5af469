package app.kariz.view.timeline;

import java.util.List;

/**
 * @param planned the deal's open activities, earliest due first
 * @param history what happened to the deal, newest first
 */
public record Timeline(List<PlannedActivity> planned, List<HistoryEntry> history) {
}
