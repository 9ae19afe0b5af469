package app.kariz.activity.command;

import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.type.ActivityType;
import app.kariz.activity.type.ActivityTypes;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.NotFoundException;
import app.kariz.support.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Locale;

/**
 * Something a salesperson will do for a deal at a date and optional time. Done activities keep their result;
 * open ones can be postponed, but only to a later due, or cancelled. Only an open activity changes.
 */
@Aggregate
public class Activity {

    @AggregateIdentifier
    private String activityId;
    private String organizationId;
    private String dealId;
    private String type;
    private String subject;
    private Due due;
    private Integer durationMinutes;
    private String assigneeId;
    private String note;
    private ActivityStatus status;
    private String result;
    private Instant completedAt;
    private int postponeCount;

    protected Activity() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Activity(ScheduleActivity command, ActivityTypes types) {
        ensureSchedulable(command, types, "");
        scheduleFrom(command);
    }

    /** Completing with a next step schedules it in the same unit of work, so both are stored or neither. */
    @CommandHandler
    public CompletedActivity handle(CompleteActivity command, ActivityTypes types) throws Exception {
        ensureSameOrganization(command.organizationId());
        ensureOpen("completed");
        boolean resultRequired = types.find(organizationId, type).map(ActivityType::requiresResult).orElse(true);
        if (resultRequired && (command.result() == null || command.result().isBlank())) {
            throw new InvalidInputException("result", "is required for a " + type + ": write briefly what came "
                    + "of it");
        }
        ScheduleActivity next = command.next() == null ? null : followUp(command.next(), command);
        if (next != null) {
            ensureSchedulable(next, types, "next.");
        }
        AggregateLifecycle.apply(new ActivityCompleted(organizationId, activityId, dealId, type, assigneeId, due,
                blankToNull(command.result()), command.at(), command.by()));
        ActivityDetails completed = details();
        ActivityDetails scheduled = null;
        if (next != null) {
            scheduled = AggregateLifecycle.createNew(Activity.class, () -> {
                Activity follow = new Activity();
                follow.scheduleFrom(next);
                return follow;
            }).invoke(Activity::details);
        }
        return new CompletedActivity(completed, scheduled);
    }

    @CommandHandler
    public ActivityDetails handle(PostponeActivity command) {
        ensureSameOrganization(command.organizationId());
        ensureOpen("postponed");
        if (!command.to().overdueFrom().isAfter(due.overdueFrom())) {
            throw new InvalidInputException("dueDate", "must be later than the current due (" + describe(due)
                    + "); an all-day activity is due at the end of its day");
        }
        AggregateLifecycle.apply(new ActivityPostponed(organizationId, activityId, dealId, assigneeId, due,
                command.to(), blankToNull(command.reason()), command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public ActivityDetails handle(CancelActivity command) {
        ensureSameOrganization(command.organizationId());
        ensureOpen("cancelled");
        AggregateLifecycle.apply(new ActivityCancelled(organizationId, activityId, dealId, type, assigneeId, due,
                command.reason().name(), command.at(), command.by()));
        return details();
    }

    @EventSourcingHandler
    void on(ActivityScheduled event) {
        activityId = event.activityId();
        organizationId = event.organizationId();
        dealId = event.dealId();
        type = event.type();
        subject = event.subject();
        due = event.due();
        durationMinutes = event.durationMinutes();
        assigneeId = event.assigneeId();
        note = event.note();
        status = ActivityStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ActivityCompleted event) {
        status = ActivityStatus.DONE;
        result = event.result();
        completedAt = event.completedAt();
    }

    @EventSourcingHandler
    void on(ActivityPostponed event) {
        due = event.to();
        postponeCount++;
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        status = ActivityStatus.CANCELLED;
    }

    private ScheduleActivity followUp(NextStep next, CompleteActivity command) {
        return new ScheduleActivity(next.activityId(), organizationId, dealId, next.type(), next.subject(),
                next.due(), next.durationMinutes(), next.assigneeId() != null ? next.assigneeId() : assigneeId,
                next.note(), command.at(), command.by());
    }

    private void scheduleFrom(ScheduleActivity command) {
        AggregateLifecycle.apply(new ActivityScheduled(command.organizationId(), command.activityId(),
                command.dealId(), command.type(), command.subject(), command.due(), command.durationMinutes(),
                command.assigneeId(), blankToNull(command.note()), command.at(), command.by()));
    }

    private static void ensureSchedulable(ScheduleActivity command, ActivityTypes types, String fieldPrefix) {
        boolean activeType = types.find(command.organizationId(), command.type()).map(ActivityType::active)
                .orElse(false);
        if (!activeType) {
            throw new InvalidInputException(fieldPrefix + "type", "is not an activity type of this organisation");
        }
    }

    private void ensureOpen(String change) {
        if (status != ActivityStatus.OPEN) {
            throw new RuleViolationException("The activity is " + status.name().toLowerCase(Locale.ROOT)
                    + "; only open activities can be " + change);
        }
    }

    /** Another organisation's activity must look exactly like one that does not exist. */
    private void ensureSameOrganization(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw new NotFoundException("No activity " + activityId);
        }
    }

    private ActivityDetails details() {
        return new ActivityDetails(activityId, dealId, type, subject, due.date(), due.time(), due.timeZone(),
                durationMinutes, assigneeId, note, status, result, completedAt, postponeCount,
                AggregateLifecycle.getVersion() == null ? 0 : AggregateLifecycle.getVersion());
    }

    private static String describe(Due due) {
        return due.date() + (due.allDay() ? "" : " " + due.time()) + " " + due.timeZone();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public record CompletedActivity(ActivityDetails activity, ActivityDetails next) {
    }
}
