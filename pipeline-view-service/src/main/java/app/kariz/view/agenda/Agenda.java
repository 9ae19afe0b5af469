package app.kariz.view.agenda;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's open activities that need doing: what is overdue now, and what is due on {@code date}. Each list is
 * a page of at most {@code limit} activities in due order; its count is of the whole list, and its next cursor,
 * passed back as {@code overdueCursor} or {@code todayCursor}, gives the next page (null on the last).
 *
 * @param date              the day {@code today} lists, in each activity's own time zone
 * @param timeZone          the zone {@code date} defaulted in: the caller's ({@code Kariz-Time-Zone}, else the
 *                          organisation's default); per-user zones come with issue 6
 * @param overdue           open activities overdue now, whatever their date (this page of them)
 * @param overdueCount      how many open activities are overdue now, on every page
 * @param overdueNextCursor where the next page of {@code overdue} starts; null on its last page
 * @param today             open activities due on {@code date} that are not overdue now (this page of them)
 * @param todayCount        how many open activities {@code today} lists, on every page
 * @param todayNextCursor   where the next page of {@code today} starts; null on its last page
 */
public record Agenda(String assigneeId, LocalDate date, String timeZone, List<AgendaItem> overdue,
                     long overdueCount, String overdueNextCursor, List<AgendaItem> today, long todayCount,
                     String todayNextCursor) {
}
