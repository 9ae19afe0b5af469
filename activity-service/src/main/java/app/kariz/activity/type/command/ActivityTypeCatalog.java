package app.kariz.activity.type.command;

import app.kariz.activity.type.command.ActivityTypeCommands.AddActivityType;
import app.kariz.activity.type.command.ActivityTypeCommands.ChangeActivityType;
import app.kariz.events.activitytype.ActivityTypeAdded;
import app.kariz.events.activitytype.ActivityTypeChanged;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import app.kariz.kernel.TextField;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One organisation's activity types. It starts with the {@link ActivityTypes#defaults() defaults}, which exist
 * without any event, and has an event stream only once the organisation adds a type or changes one; its id is
 * derived from the organisation's ({@link #idOf}), so the first such command creates it. Keys are unique within
 * the organisation, defaults included, and never change; a type is never removed, only made inactive, so
 * activities of it keep a valid type.
 */
@Aggregate(type = ActivityTypeCatalog.AGGREGATE_TYPE)
public class ActivityTypeCatalog {

    /** As {@code kariz_aggregatetype} and in {@code Kariz-Position} values. */
    public static final String AGGREGATE_TYPE = "activity-types";
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int NAME_MAX = 100;

    @AggregateIdentifier
    private String catalogId;
    private final Map<String, ActivityType> types = new LinkedHashMap<>();

    protected ActivityTypeCatalog() {
        ActivityTypes.defaults().forEach(type -> types.put(type.key(), type));
    }

    /** The catalog's aggregate id: a name-based UUID of the organisation id, stable and free of separators. */
    public static String idOf(String organizationId) {
        return UUID.nameUUIDFromBytes(("kariz-activity-types:" + organizationId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ActivityType handle(AddActivityType command) {
        String key = command.key() == null ? "" : command.key();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("key", "must be 1 to 40 lowercase letters, digits or hyphens, starting "
                    + "with a letter, like site-visit");
        }
        String name = TextField.required("name", command.name(), NAME_MAX);
        if (types.containsKey(key)) {
            throw new RuleViolationException("The organisation already has an activity type " + key
                    + "; change it instead");
        }
        boolean requiresResult = command.requiresResult() == null || command.requiresResult();
        AggregateLifecycle.apply(new ActivityTypeAdded(command.organizationId(), key, name, requiresResult,
                command.at(), command.by()));
        return types.get(key);
    }

    /** Changing nothing stores nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ActivityType handle(ChangeActivityType command) {
        ActivityType current = types.get(command.key());
        if (current == null) {
            throw new NotFoundException("No activity type " + command.key());
        }
        String name = command.name().given()
                ? TextField.required("name", command.name().toRequired("name", null), NAME_MAX)
                : current.name();
        boolean requiresResult = command.requiresResult().toRequired("requiresResult", current.requiresResult());
        boolean active = command.active().toRequired("active", current.active());
        ActivityType changed = new ActivityType(current.key(), name, requiresResult, active);
        if (!changed.equals(current)) {
            AggregateLifecycle.apply(new ActivityTypeChanged(command.organizationId(), current.key(), name,
                    requiresResult, active, command.at(), command.by()));
        }
        return changed;
    }

    @EventSourcingHandler
    void on(ActivityTypeAdded event) {
        catalogId = idOf(event.organizationId());
        types.put(event.key(), new ActivityType(event.key(), event.name(), event.requiresResult(), true));
    }

    @EventSourcingHandler
    void on(ActivityTypeChanged event) {
        catalogId = idOf(event.organizationId());
        types.put(event.key(), new ActivityType(event.key(), event.name(), event.requiresResult(), event.active()));
    }
}
