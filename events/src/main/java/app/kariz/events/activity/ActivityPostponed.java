package app.kariz.events.activity;

import java.time.Instant;

/** An open activity was moved later, from one due to another; {@code reason} may be null. */
public record ActivityPostponed(String organizationId, String activityId, String dealId, String assigneeId,
                                Due from, Due to, String reason, Instant postponedAt, String postponedBy)
        implements ActivityEvent {
}
