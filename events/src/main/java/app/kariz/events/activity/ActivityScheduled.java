package app.kariz.events.activity;

import java.time.Instant;

/** An activity was planned on a deal. {@code durationMinutes}, {@code note} and {@code location} may be null. */
public record ActivityScheduled(String organizationId, String activityId, String dealId, String type, String subject,
                                Due due, Integer durationMinutes, String assigneeId, String note, String location,
                                Instant scheduledAt, String scheduledBy) implements ActivityEvent {
}
