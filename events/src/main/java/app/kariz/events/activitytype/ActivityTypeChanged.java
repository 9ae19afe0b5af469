package app.kariz.events.activitytype;

import java.time.Instant;

/** An activity type (a default one too) changed; all values are as after the change. */
public record ActivityTypeChanged(String organizationId, String key, String name, boolean requiresResult,
                                  boolean active, Instant changedAt, String changedBy) implements ActivityTypeEvent {
}
