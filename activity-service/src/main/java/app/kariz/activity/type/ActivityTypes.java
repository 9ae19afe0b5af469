package app.kariz.activity.type;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of activity a salesperson can schedule. A deadline is only met or missed, so it needs no
 * result; everything involving the customer does, since the result is what the next conversation builds on.
 */
public class ActivityTypes {

    private static final List<ActivityType> DEFAULTS = List.of(
            new ActivityType("call", "Call", true, true),
            new ActivityType("meeting", "Meeting", true, true),
            new ActivityType("consultation", "Consultation", true, true),
            new ActivityType("task", "Task", true, true),
            new ActivityType("email", "Email", true, true),
            new ActivityType("deadline", "Deadline", false, true));

    public List<ActivityType> all(String organizationId) {
        return DEFAULTS;
    }

    public Optional<ActivityType> find(String organizationId, String key) {
        return DEFAULTS.stream().filter(type -> type.key().equals(key)).findFirst();
    }
}
