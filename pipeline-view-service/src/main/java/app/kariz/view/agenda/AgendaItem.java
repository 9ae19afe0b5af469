package app.kariz.view.agenda;

import app.kariz.view.indicator.Indicator;

import java.time.LocalDate;

/**
 * One open activity on an agenda, with its deal's id and title as the deal card shows it now.
 *
 * @param dueTime the local wall time "HH:mm" in {@code timeZone}; null for an all-day activity
 * @param state   the activity's own OVERDUE, TODAY or PLANNED now
 */
public record AgendaItem(String id, String type, String subject, LocalDate dueDate, String dueTime, String timeZone,
                         Indicator state, String dealId, String dealTitle, String location) {
}
