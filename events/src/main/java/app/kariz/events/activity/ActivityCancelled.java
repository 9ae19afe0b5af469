package app.kariz.events.activity;

import java.time.Instant;

/**
 * An open activity will not happen: cancelled by a salesperson, or because its deal was deleted
 * ({@code reason} {@code DEAL_DELETED}; otherwise {@code BY_USER}).
 */
public record ActivityCancelled(String organizationId, String activityId, String dealId, String type,
                                String assigneeId, Due due, String reason, Instant cancelledAt, String cancelledBy)
        implements ActivityEvent {
}
