package app.kariz.activity.type.command;

/**
 * A kind of activity an organisation schedules, e.g. {@code call}.
 *
 * @param key            what activities name as their {@code type}; never changes
 * @param requiresResult whether completing such an activity needs a result note
 * @param active         whether new activities may be of this type (existing ones keep it either way)
 */
public record ActivityType(String key, String name, boolean requiresResult, boolean active) {
}
