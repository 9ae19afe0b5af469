package app.kariz.activity.command;

import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ReopenActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.command.ActivityCommands.UpdateActivity;
import app.kariz.activity.type.command.ActivityType;
import app.kariz.activity.type.command.ActivityTypes;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.ActivityUpdated;
import app.kariz.events.activity.Due;
import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.RuleViolationException;
import app.kariz.kernel.TextField;
import app.kariz.kernel.access.Reach;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Something a salesperson will do for a deal at a date and optional time. An open activity can be done (with a
 * result when its type requires one), postponed to a later due, rescheduled to any due, edited or cancelled. A
 * done one keeps its result; it can still be edited (a typo fixed, the right type set) but not rescheduled, and
 * reopened to undo a mistaken tick. A cancelled one is history and changes no more.
 */
@Aggregate
public class Activity {

    static final int SUBJECT_MAX = 255;
    static final int NOTE_MAX = 10_000;
    static final int LOCATION_MAX = 255;
    static final int ASSIGNEE_MAX = 255;
    static final int RESULT_MAX = 2_000;
    static final int REASON_MAX = 500;
    static final int DURATION_MAX_MINUTES = 1_440;

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
    private String location;
    private ActivityStatus status;
    private String result;
    private Instant completedAt;
    private int postponeCount;

    protected Activity() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Activity(ScheduleActivity command, ActivityTypes types) {
        scheduleFrom(checked(command, types, ""));
    }

    /**
     * Whether a result is required is the type's setting at the time of completing. Completing with a next step
     * schedules it in the same unit of work, so both are stored or neither.
     */
    @CommandHandler
    public CompletedActivity handle(CompleteActivity command, ActivityTypes types) throws Exception {
        ensureInReach(new Reach(command.organizationId(), command.onlyAssignedTo()));
        ensureOpen("completed");
        String completionResult = TextField.optional("result", command.result(), RESULT_MAX);
        boolean resultRequired = types.find(organizationId, type).map(ActivityType::requiresResult).orElse(true);
        if (resultRequired && completionResult == null) {
            throw new InvalidInputException("result", "is required for a " + type + ": write briefly what came "
                    + "of it");
        }
        ScheduleActivity next = command.next() == null ? null
                : checked(followUp(command.next(), command), types, "next.");
        if (next != null && command.onlyAssignedTo() != null && !command.onlyAssignedTo().equals(next.assigneeId())) {
            throw new ForbiddenException("next.assigneeId", "you may schedule activities only for yourself");
        }
        AggregateLifecycle.apply(new ActivityCompleted(organizationId, activityId, dealId, type, assigneeId, due,
                completionResult, command.at(), command.by()));
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

    /** "Later" compares the instants the dues become overdue, so an all-day due counts at the end of its day. */
    @CommandHandler
    public ActivityDetails handle(PostponeActivity command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyAssignedTo()));
        ensureOpen("postponed");
        Due to = command.to().from(due);
        if (!to.overdueFrom().isAfter(due.overdueFrom())) {
            throw new InvalidInputException(command.to().field(), "must be later than the current due ("
                    + describe(due) + "); an all-day activity is due at the end of its day");
        }
        String reason = TextField.optional("reason", command.reason(), REASON_MAX);
        AggregateLifecycle.apply(new ActivityPostponed(organizationId, activityId, dealId, assigneeId, due, to,
                reason, command.at(), command.by()));
        return details();
    }

    /**
     * Field changes are {@code ActivityUpdated}, a due change {@code ActivityRescheduled}, in that order when both
     * happen; a change to nothing stores nothing. Only an open activity can be rescheduled; a done one can have its
     * other fields edited; a cancelled one nothing.
     */
    @CommandHandler
    public ActivityDetails handle(UpdateActivity command, ActivityTypes types) {
        ensureInReach(new Reach(command.organizationId(), command.onlyAssignedTo()));
        if (status == ActivityStatus.CANCELLED) {
            throw new RuleViolationException("The activity is cancelled; a cancelled activity cannot be edited");
        }
        ActivityFields before = fields();
        ActivityFields after = new ActivityFields(
                changedType(command.type().toRequired("type", type), types),
                command.subject().given()
                        ? TextField.required("subject", command.subject().toRequired("subject", null), SUBJECT_MAX)
                        : subject,
                duration("durationMinutes", command.durationMinutes().applyTo(durationMinutes)),
                command.assigneeId().given()
                        ? TextField.required("assigneeId", command.assigneeId().toRequired("assigneeId", null),
                        ASSIGNEE_MAX)
                        : assigneeId,
                command.note().given() ? TextField.optional("note", command.note().value(), NOTE_MAX) : note,
                command.location().given()
                        ? TextField.optional("location", command.location().value(), LOCATION_MAX)
                        : location);
        Due rescheduledTo = new Due(command.dueDate().toRequired("dueDate", due.date()),
                command.dueTime().applyTo(due.time()), command.timeZone().toRequired("timeZone", due.timeZone()));
        boolean rescheduled = !rescheduledTo.equals(due);
        if (rescheduled) {
            ensureOpen("rescheduled");
        }
        List<String> changed = changedFields(before, after);
        if (!changed.isEmpty()) {
            AggregateLifecycle.apply(new ActivityUpdated(organizationId, activityId, dealId, before, after, changed,
                    due, command.at(), command.by()));
        }
        if (rescheduled) {
            AggregateLifecycle.apply(new ActivityRescheduled(organizationId, activityId, dealId, assigneeId, due,
                    rescheduledTo, command.at(), command.by()));
        }
        return details();
    }

    @CommandHandler
    public ActivityDetails handle(ReopenActivity command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyAssignedTo()));
        if (status != ActivityStatus.DONE) {
            throw new RuleViolationException("The activity is " + status.name().toLowerCase(Locale.ROOT)
                    + "; only a done activity can be reopened");
        }
        AggregateLifecycle.apply(new ActivityReopened(organizationId, activityId, dealId, type, assigneeId, due,
                command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public ActivityDetails handle(CancelActivity command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyAssignedTo()));
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
        location = event.location();
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
    void on(ActivityRescheduled event) {
        due = event.to();
    }

    @EventSourcingHandler
    void on(ActivityUpdated event) {
        ActivityFields to = event.to();
        type = to.type();
        subject = to.subject();
        durationMinutes = to.durationMinutes();
        assigneeId = to.assigneeId();
        note = to.note();
        location = to.location();
    }

    @EventSourcingHandler
    void on(ActivityReopened event) {
        status = ActivityStatus.OPEN;
        result = null;
        completedAt = null;
    }

    @EventSourcingHandler
    void on(ActivityCancelled event) {
        status = ActivityStatus.CANCELLED;
    }

    private ScheduleActivity followUp(NextStep next, CompleteActivity command) {
        return new ScheduleActivity(next.activityId(), organizationId, dealId, next.type(), next.subject(),
                next.due(), next.durationMinutes(), next.assigneeId() != null ? next.assigneeId() : assigneeId,
                next.note(), next.location(), command.at(), command.by());
    }

    private void scheduleFrom(ScheduleActivity command) {
        AggregateLifecycle.apply(new ActivityScheduled(command.organizationId(), command.activityId(),
                command.dealId(), command.type(), command.subject(), command.due(), command.durationMinutes(),
                command.assigneeId(), command.note(), command.location(), command.at(), command.by()));
    }

    /**
     * The scheduling rules: an active type of the organisation, a subject, a duration of 1 to 1,440 minutes and
     * texts within their lengths. Field names in refusals start with {@code fieldPrefix} ({@code next.} for a next
     * step).
     *
     * @return the command with its texts stripped and blank optional ones as null
     */
    private static ScheduleActivity checked(ScheduleActivity command, ActivityTypes types, String fieldPrefix) {
        ensureActiveType(command.organizationId(), command.type(), types, fieldPrefix + "type");
        return new ScheduleActivity(command.activityId(), command.organizationId(), command.dealId(), command.type(),
                TextField.required(fieldPrefix + "subject", command.subject(), SUBJECT_MAX), command.due(),
                duration(fieldPrefix + "durationMinutes", command.durationMinutes()), command.assigneeId(),
                TextField.optional(fieldPrefix + "note", command.note(), NOTE_MAX),
                TextField.optional(fieldPrefix + "location", command.location(), LOCATION_MAX), command.at(),
                command.by());
    }

    private static void ensureActiveType(String organizationId, String key, ActivityTypes types, String field) {
        Optional<ActivityType> found = key == null ? Optional.empty() : types.find(organizationId, key);
        if (found.isEmpty()) {
            throw new InvalidInputException(field, "is not an activity type of this organisation");
        }
        if (!found.get().active()) {
            throw new InvalidInputException(field, "is an inactive activity type; choose an active one");
        }
    }

    /** A type is checked only when it changes: an activity keeps a type that was deactivated since. */
    private String changedType(String newType, ActivityTypes types) {
        if (!newType.equals(type)) {
            ensureActiveType(organizationId, newType, types, "type");
        }
        return newType;
    }

    private static Integer duration(String field, Integer minutes) {
        if (minutes != null && (minutes < 1 || minutes > DURATION_MAX_MINUTES)) {
            throw new InvalidInputException(field, "must be between 1 and " + DURATION_MAX_MINUTES + " minutes");
        }
        return minutes;
    }

    private static List<String> changedFields(ActivityFields before, ActivityFields after) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "type", before, after, ActivityFields::type);
        addIfChanged(changed, "subject", before, after, ActivityFields::subject);
        addIfChanged(changed, "durationMinutes", before, after, ActivityFields::durationMinutes);
        addIfChanged(changed, "assigneeId", before, after, ActivityFields::assigneeId);
        addIfChanged(changed, "note", before, after, ActivityFields::note);
        addIfChanged(changed, "location", before, after, ActivityFields::location);
        return changed;
    }

    private static void addIfChanged(List<String> changed, String name, ActivityFields before, ActivityFields after,
                                     Function<ActivityFields, Object> field) {
        if (!Objects.equals(field.apply(before), field.apply(after))) {
            changed.add(name);
        }
    }

    private ActivityFields fields() {
        return new ActivityFields(type, subject, durationMinutes, assigneeId, note, location);
    }

    private void ensureOpen(String change) {
        if (status != ActivityStatus.OPEN) {
            throw new RuleViolationException("The activity is " + status.name().toLowerCase(Locale.ROOT)
                    + "; only open activities can be " + change);
        }
    }

    /** An activity is held by its assignee. */
    private void ensureInReach(Reach reach) {
        reach.require("activity", activityId, organizationId, assigneeId);
    }

    private ActivityDetails details() {
        return new ActivityDetails(activityId, dealId, type, subject, due.date(), due.time(), due.timeZone(),
                durationMinutes, assigneeId, note, location, status, result, completedAt, postponeCount,
                AggregateLifecycle.getVersion() == null ? 0 : AggregateLifecycle.getVersion());
    }

    private static String describe(Due due) {
        return due.date() + (due.allDay() ? "" : " " + due.time()) + " " + due.timeZone();
    }

    public record CompletedActivity(ActivityDetails activity, ActivityDetails next) {
    }
}
