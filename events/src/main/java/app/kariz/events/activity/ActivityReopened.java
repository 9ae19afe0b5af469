package app.kariz.events.activity;

import java.time.Instant;

/** A done activity is open again (a mistaken tick undone); its result no longer stands. */
public record ActivityReopened(String organizationId, String activityId, String dealId, String type,
                               String assigneeId, Due due, Instant reopenedAt, String reopenedBy)
        implements ActivityEvent {
}
