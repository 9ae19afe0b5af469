package app.kariz.events.activitytype;

import app.kariz.events.KarizEvent;

/** Changes to an organisation's activity types, on topic {@code kariz.activity-types.v1}, keyed by organisation. */
public sealed interface ActivityTypeEvent extends KarizEvent permits ActivityTypeAdded, ActivityTypeChanged {

    /** The type's key, e.g. {@code call}; what activity events name as their {@code type}. */
    String key();
}
