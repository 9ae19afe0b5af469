package app.kariz.view.timeline;

import app.kariz.view.indicator.Indicator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An open activity of a deal. {@code state} is the activity's own indicator (OVERDUE, TODAY or PLANNED) at the
 * time of reading; {@code postponeCount} says how often it was moved later.
 */
public record PlannedActivity(String id, String type, String subject, LocalDate dueDate, String dueTime,
                              String timeZone, Indicator state, Integer durationMinutes, String assigneeId,
                              String note, String location, Instant scheduledAt, String scheduledBy,
                              int postponeCount) {
}
