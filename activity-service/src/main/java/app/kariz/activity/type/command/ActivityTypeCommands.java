package app.kariz.activity.type.command;

import app.kariz.kernel.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of an organisation's activity type catalog; each names who asks and when. */
public final class ActivityTypeCommands {

    private ActivityTypeCommands() {
    }

    /** @param requiresResult null for the usual: a result is required */
    public record AddActivityType(String organizationId, String key, String name, Boolean requiresResult,
                                  Instant at, String by) {

        @TargetAggregateIdentifier
        public String catalogId() {
            return ActivityTypeCatalog.idOf(organizationId);
        }
    }

    /** A partial update of one type, a default one too; none of its fields can be cleared. */
    public record ChangeActivityType(String organizationId, String key, Change<String> name,
                                     Change<Boolean> requiresResult, Change<Boolean> active, Instant at,
                                     String by) {

        public ChangeActivityType {
            name = Change.orKeep(name);
            requiresResult = Change.orKeep(requiresResult);
            active = Change.orKeep(active);
        }

        @TargetAggregateIdentifier
        public String catalogId() {
            return ActivityTypeCatalog.idOf(organizationId);
        }
    }
}
