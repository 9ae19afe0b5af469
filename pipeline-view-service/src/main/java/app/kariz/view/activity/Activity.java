package app.kariz.view.activity;

import app.kariz.view.card.ActivityStatus;
import app.kariz.view.indicator.Indicator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One activity as {@code GET /api/v1/activities/{id}} shows it, open, done or cancelled.
 *
 * @param dealTitle   the title of the activity's deal as the deal card shows it now
 * @param dueTime     the local wall time "HH:mm" in {@code timeZone}; null for an all-day activity
 * @param state       the activity's own OVERDUE, TODAY or PLANNED at the time of reading while it is open, null
 *                    once it is done or cancelled
 * @param result      the note it was completed with; null while open (also after a reopen) or cancelled
 * @param completedAt null unless done
 * @param cancelledAt null unless cancelled
 * @param version     the sequence number of the last event of the activity applied to this view; the endpoint
 *                    also answers it as the {@code ETag}
 */
public record Activity(String id, String dealId, String dealTitle, String type, String subject, LocalDate dueDate,
                       String dueTime, String timeZone, Integer durationMinutes, String assigneeId, String note,
                       String location, ActivityStatus status, Indicator state, String result, Instant completedAt,
                       Instant cancelledAt, int postponeCount, Instant scheduledAt, String scheduledBy,
                       long version) {
}
