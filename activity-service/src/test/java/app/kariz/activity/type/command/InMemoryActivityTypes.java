package app.kariz.activity.type.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Activity types for aggregate tests: the defaults, as one organisation changed them, plus its own. */
public final class InMemoryActivityTypes implements ActivityTypes {

    private final String organizationId;
    private final Map<String, ActivityType> types = new LinkedHashMap<>();

    public InMemoryActivityTypes(String organizationId) {
        this.organizationId = organizationId;
        ActivityTypes.defaults().forEach(type -> types.put(type.key(), type));
    }

    /** Adds the type, or replaces the one with its key. */
    public InMemoryActivityTypes with(ActivityType type) {
        types.put(type.key(), type);
        return this;
    }

    @Override
    public List<ActivityType> all(String organizationId) {
        return this.organizationId.equals(organizationId) ? List.copyOf(types.values()) : ActivityTypes.defaults();
    }

    @Override
    public Optional<ActivityType> find(String organizationId, String key) {
        return all(organizationId).stream().filter(type -> type.key().equals(key)).findFirst();
    }
}
