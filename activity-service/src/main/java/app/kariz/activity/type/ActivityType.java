package app.kariz.activity.type;

/** @param requiresResult whether completing such an activity needs a result note */
public record ActivityType(String key, String name, boolean requiresResult, boolean active) {
}
