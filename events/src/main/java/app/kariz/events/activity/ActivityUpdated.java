package app.kariz.events.activity;

import java.time.Instant;
import java.util.List;

/**
 * An activity's fields other than its due were edited. {@code from} and {@code to} hold all of them before and
 * after; {@code changed} names those that differ, as in {@link ActivityFields}. {@code due} is its current due.
 */
public record ActivityUpdated(String organizationId, String activityId, String dealId, ActivityFields from,
                              ActivityFields to, List<String> changed, Due due, Instant updatedAt, String updatedBy)
        implements ActivityEvent {
}
