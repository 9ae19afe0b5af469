package app.kariz.events.activity;

import java.time.Instant;

/** An activity was done; {@code result} is the salesperson's short note of what came of it (may be null). */
public record ActivityCompleted(String organizationId, String activityId, String dealId, String type,
                                String assigneeId, Due due, String result, Instant completedAt,
                                String completedBy) implements ActivityEvent {
}
