package app.kariz.events.activity;

import app.kariz.events.KarizEvent;

/**
 * Events of the activity aggregate, on topic {@code kariz.activities.v1}, keyed by the deal id so that a
 * deal's activities share a partition number with the deal's own events.
 */
public sealed interface ActivityEvent extends KarizEvent
        permits ActivityScheduled, ActivityCompleted, ActivityPostponed, ActivityRescheduled, ActivityUpdated,
                ActivityCancelled, ActivityReopened {

    String activityId();

    String dealId();
}
