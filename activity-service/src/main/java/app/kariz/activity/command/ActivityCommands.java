package app.kariz.activity.command;

import app.kariz.events.activity.Due;
import app.kariz.kernel.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What can be asked of an activity; each names the organisation, who asks and when. Commands on an existing activity
 * carry {@code onlyAssignedTo}: null when the caller may act on any activity of the organisation, else the one
 * assignee whose activities it may act on (a restricted member, see docs/identity-and-tenancy.md). The constructors
 * without it are for callers that act for the whole organisation: the service itself, and tests.
 */
public final class ActivityCommands {

    private ActivityCommands() {
    }

    public record ScheduleActivity(String activityId, String organizationId, String dealId, String type,
                                   String subject, Due due, Integer durationMinutes, String assigneeId, String note,
                                   String location, Instant at, String by) {
    }

    /** {@code next}, when given, is scheduled in the same unit of work: both happen or neither. */
    public record CompleteActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                   String onlyAssignedTo, String result, NextStep next, Instant at, String by) {

        public CompleteActivity(String activityId, String organizationId, String result, NextStep next, Instant at,
                                String by) {
            this(activityId, organizationId, null, result, next, at, by);
        }
    }

    /**
     * The follow-up scheduled when an activity is done: on the same deal, assigned by default to whoever was
     * assigned the activity just done.
     */
    public record NextStep(String activityId, String type, String subject, Due due, Integer durationMinutes,
                           String assigneeId, String note, String location) {
    }

    /** Moves an open activity's due later; it counts as a postponement. */
    public record PostponeActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                   String onlyAssignedTo, Postponement to, String reason, Instant at, String by) {

        public PostponeActivity(String activityId, String organizationId, Postponement to, String reason, Instant at,
                                String by) {
            this(activityId, organizationId, null, to, reason, at, by);
        }
    }

    /**
     * A partial edit; each field is kept unless given. A due change in either direction reschedules the activity
     * (it does not count as a postponement). {@code timeZone} and {@code assigneeId} cannot be cleared here: the
     * web layer turns their {@code null} into the defaults scheduling uses (the caller's zone, the deal's owner).
     */
    public record UpdateActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                 String onlyAssignedTo, Change<String> type, Change<String> subject,
                                 Change<LocalDate> dueDate, Change<LocalTime> dueTime, Change<String> timeZone, Change<Integer> durationMinutes,
                                 Change<String> assigneeId, Change<String> note, Change<String> location,
                                 Instant at, String by) {

        public UpdateActivity {
            type = Change.orKeep(type);
            subject = Change.orKeep(subject);
            dueDate = Change.orKeep(dueDate);
            dueTime = Change.orKeep(dueTime);
            timeZone = Change.orKeep(timeZone);
            durationMinutes = Change.orKeep(durationMinutes);
            assigneeId = Change.orKeep(assigneeId);
            note = Change.orKeep(note);
            location = Change.orKeep(location);
        }

        public UpdateActivity(String activityId, String organizationId, Change<String> type, Change<String> subject,
                              Change<LocalDate> dueDate, Change<LocalTime> dueTime, Change<String> timeZone,
                              Change<Integer> durationMinutes, Change<String> assigneeId, Change<String> note,
                              Change<String> location, Instant at, String by) {
            this(activityId, organizationId, null, type, subject, dueDate, dueTime, timeZone, durationMinutes,
                    assigneeId, note, location, at, by);
        }
    }

    /** Undoes a mistaken tick: a done activity is open again and its result no longer stands. */
    public record ReopenActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                 String onlyAssignedTo, Instant at, String by) {

        public ReopenActivity(String activityId, String organizationId, Instant at, String by) {
            this(activityId, organizationId, null, at, by);
        }
    }

    /** Only an open activity can be cancelled; a done one keeps its result, a cancelled one stays cancelled. */
    public record CancelActivity(@TargetAggregateIdentifier String activityId, String organizationId,
                                 String onlyAssignedTo, CancellationReason reason, Instant at, String by) {

        public CancelActivity(String activityId, String organizationId, CancellationReason reason, Instant at,
                              String by) {
            this(activityId, organizationId, null, reason, at, by);
        }
    }

    /** Why an activity will not happen, as {@code ActivityCancelled.reason} carries it. */
    public enum CancellationReason {
        /** A salesperson cancelled it. */
        BY_USER,
        /** Its deal was deleted; {@code by} is whoever deleted the deal. */
        DEAL_DELETED
    }
}
