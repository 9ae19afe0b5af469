package app.kariz.events.activity;

import java.time.Instant;

/** An activity was planned on a deal. {@code durationMinutes} and {@code note} may be null. */
public record ActivityScheduled(String organizationId, String activityId, String dealId, String type, String subject,
                                Due due, Integer durationMinutes, String assigneeId, String note,
                                Instant scheduledAt, String scheduledBy) implements ActivityEvent {
}
