package app.kariz.activity.type.command;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of activity each organisation can schedule: six defaults every organisation has without doing
 * anything, as the organisation may have changed them, followed by the types it added itself. A deadline is only
 * met or missed, so by default it needs no result; everything involving the customer does, since the result is
 * what the next conversation builds on.
 */
public interface ActivityTypes {

    /** @return the organisation's types, active or not: the defaults first, then its own in the order added */
    List<ActivityType> all(String organizationId);

    Optional<ActivityType> find(String organizationId, String key);

    static List<ActivityType> defaults() {
        return List.of(
                new ActivityType("call", "Call", true, true),
                new ActivityType("meeting", "Meeting", true, true),
                new ActivityType("consultation", "Consultation", true, true),
                new ActivityType("task", "Task", true, true),
                new ActivityType("email", "Email", true, true),
                new ActivityType("deadline", "Deadline", false, true));
    }

    /** The defaults alone, as every organisation has them before it changes anything. */
    static ActivityTypes defaultsOnly() {
        return new ActivityTypes() {
            @Override
            public List<ActivityType> all(String organizationId) {
                return defaults();
            }

            @Override
            public Optional<ActivityType> find(String organizationId, String key) {
                return defaults().stream().filter(type -> type.key().equals(key)).findFirst();
            }
        };
    }
}
