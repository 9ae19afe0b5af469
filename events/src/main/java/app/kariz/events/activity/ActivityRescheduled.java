package app.kariz.events.activity;

import java.time.Instant;

/**
 * An activity's due was edited, earlier or later. Unlike {@link ActivityPostponed} it is a correction, not a
 * deferral, so it does not count as a postponement.
 */
public record ActivityRescheduled(String organizationId, String activityId, String dealId, String assigneeId,
                                  Due from, Due to, Instant rescheduledAt, String rescheduledBy)
        implements ActivityEvent {
}
