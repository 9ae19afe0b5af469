package app.kariz.events.activitytype;

import java.time.Instant;

/** An organisation added an activity type of its own (the six defaults exist without an event). */
public record ActivityTypeAdded(String organizationId, String key, String name, boolean requiresResult,
                                Instant addedAt, String addedBy) implements ActivityTypeEvent {
}
