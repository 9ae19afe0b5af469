package app.kariz.view.timeline;

import java.util.List;

/**
 * @param planned    the deal's open activities, earliest due first, all of them on every page
 * @param history    what happened to the deal, newest first, one page of it
 * @param nextCursor where the older history continues ({@code ?cursor=}); null when {@code history} reaches the
 *                   deal's first event
 */
public record Timeline(List<PlannedActivity> planned, List<HistoryEntry> history, String nextCursor) {
}
