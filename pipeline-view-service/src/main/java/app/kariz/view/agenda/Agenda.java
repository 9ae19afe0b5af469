package app.kariz.view.agenda;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's open activities that need doing: what is overdue now, and what is due on {@code date}.
 *
 * @param date     the day {@code today} lists, in each activity's own time zone
 * @param timeZone the zone {@code date} defaulted in: the caller's ({@code Kariz-Time-Zone}, else the
 *                 organisation's default); per-user zones come with issue 6
 * @param overdue  open activities overdue now, whatever their date
 * @param today    open activities due on {@code date} that are not overdue now
 */
public record Agenda(String assigneeId, LocalDate date, String timeZone, List<AgendaItem> overdue,
                     List<AgendaItem> today) {
}
