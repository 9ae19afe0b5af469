package app.kariz.activity.web;

import app.kariz.activity.command.Activity.CompletedActivity;
import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CancellationReason;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ReopenActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.command.ActivityCommands.UpdateActivity;
import app.kariz.activity.command.ActivityDetails;
import app.kariz.activity.command.ActivityStatus;
import app.kariz.activity.command.DueShift;
import app.kariz.activity.command.Postponement;
import app.kariz.activity.deal.DealActivities;
import app.kariz.activity.deal.DealDeletionCascade;
import app.kariz.activity.deal.DealLookup;
import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.activity.web.ActivityRequests.CompleteActivityRequest;
import app.kariz.activity.web.ActivityRequests.NextActivityRequest;
import app.kariz.activity.web.ActivityRequests.NoFields;
import app.kariz.activity.web.ActivityRequests.PostponeActivityRequest;
import app.kariz.activity.web.ActivityRequests.ScheduleActivityRequest;
import app.kariz.activity.web.ActivityRequests.UpdateActivityRequest;
import app.kariz.events.Position;
import app.kariz.events.activity.Due;
import app.kariz.kernel.Change;
import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Caller;
import app.kariz.support.eventstore.WrittenPositions.Written;
import app.kariz.support.eventstore.WrittenPositions;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Activity writes, within the caller's organisation and, for a restricted member, on activities assigned to it
 * (which the activity aggregate decides, answering another's like an unknown one). Each answers the activity as
 * the write side knows it, with the positions it stored as {@code Kariz-Position} (none when it changed nothing).
 */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityController {

    private final CommandGateway commands;
    private final DealLookup deals;
    private final DealDeletionCascade dealDeletions;
    private final DealActivities dealActivities;
    private final Clock clock;

    public ActivityController(CommandGateway commands, DealLookup deals, DealDeletionCascade dealDeletions,
                              DealActivities dealActivities, Clock clock) {
        this.commands = commands;
        this.deals = deals;
        this.dealDeletions = dealDeletions;
        this.dealActivities = dealActivities;
        this.clock = clock;
    }

    /**
     * On an open, won or lost deal (after-sales calls matter); a deleted or unknown deal is 404. A restricted member
     * schedules only on deals it owns (another's is 404 like an unknown one) and only for itself (403).
     */
    @PostMapping
    public ResponseEntity<ActivityDetails> schedule(@Valid @RequestBody ScheduleActivityRequest request,
                                                    @RequestHeader(value = Position.AWAIT_HEADER, required = false)
                                                    String awaited, Caller caller) {
        Due due = due(request.dueDate(), request.dueTime(), request.timeZone(), caller, "");
        KnownDeal deal = deals.require(caller.organizationId(), caller.onlyOwnUserId(), request.dealId(),
                Position.parseAll(awaited));
        String activityId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String assigneeId = request.assigneeId() == null || request.assigneeId().isEmpty() ? deal.ownerId()
                : request.assigneeId();
        if (!caller.sees(assigneeId)) {
            throw new ForbiddenException("assigneeId", "you may schedule activities only for yourself");
        }
        ScheduleActivity command = new ScheduleActivity(activityId, caller.organizationId(), deal.dealId(),
                request.type(), request.subject(), due, request.durationMinutes(), assigneeId, request.note(),
                request.location(), now, caller.userId());
        Written<Object> written = WrittenPositions.capture(() -> commands.sendAndWait(command));
        if (dealDeletions.cancelIfDealDeletedMeanwhile(activityId, deal.dealId())) {
            throw new NotFoundException("No deal " + deal.dealId() + ": it was deleted while the activity was being "
                    + "scheduled");
        }
        ActivityDetails scheduled = new ActivityDetails(activityId, deal.dealId(), command.type(), command.subject(),
                due.date(), due.time(), due.timeZone(), command.durationMinutes(), assigneeId,
                blankToNull(command.note()), blankToNull(command.location()), ActivityStatus.OPEN, null, null, 0, 0);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activityId))
                .header(Position.WRITTEN_HEADER, written.header())
                .body(scheduled);
    }

    @PostMapping("/{activityId}/complete")
    public ResponseEntity<CompletionResponse> complete(@PathVariable String activityId,
                                                       @Valid @RequestBody CompleteActivityRequest request,
                                                       Caller caller) {
        NextActivityRequest next = request.next();
        if (next != null && caller.restricted()) {
            requireOwnDealOf(activityId, caller);
        }
        NextStep nextStep = next == null ? null : new NextStep(UUID.randomUUID().toString(), next.type(),
                next.subject(), due(next.dueDate(), next.dueTime(), next.timeZone(), caller, "next."),
                next.durationMinutes(), next.assigneeId(), next.note(), next.location());
        Written<CompletedActivity> written = WrittenPositions.capture(() -> commands.sendAndWait(
                new CompleteActivity(activityId, caller.organizationId(), caller.onlyOwnUserId(), request.result(),
                        nextStep, clock.instant(), caller.userId())));
        CompletedActivity completed = written.result();
        boolean dealHasOpenActivity = dealActivities.hasOpenActivity(caller.organizationId(),
                completed.activity().dealId());
        return respond(written, new CompletionResponse(completed.activity(), completed.next(), dealHasOpenActivity));
    }

    /** To a later {@code dueDate} (and optional time and zone), or later {@code by} a duration. */
    @PostMapping("/{activityId}/postpone")
    public ResponseEntity<ActivityDetails> postpone(@PathVariable String activityId,
                                                    @Valid @RequestBody PostponeActivityRequest request,
                                                    Caller caller) {
        return send(new PostponeActivity(activityId, caller.organizationId(), caller.onlyOwnUserId(),
                postponement(request), request.reason(), clock.instant(), caller.userId()));
    }

    /** Edits any scheduling field; see {@link UpdateActivityRequest} for what {@code null} does. */
    @PatchMapping("/{activityId}")
    public ResponseEntity<ActivityDetails> update(@PathVariable String activityId,
                                                  @RequestBody UpdateActivityRequest request, Caller caller) {
        Change<LocalTime> dueTime = request.dueTime();
        if (dueTime.given() && dueTime.value() != null) {
            wallTime(dueTime.value(), "");
        }
        Change<String> timeZone = request.timeZone().clears()
                ? Change.to(caller.timeZone().getId())
                : request.timeZone().given() ? Change.to(zone(request.timeZone().value(), "")) : Change.keep();
        Change<String> assigneeId = request.assigneeId().clears()
                ? Change.to(ownerOfDealOf(activityId, caller))
                : request.assigneeId();
        return send(new UpdateActivity(activityId, caller.organizationId(), caller.onlyOwnUserId(), request.type(),
                request.subject(), request.dueDate(), dueTime, timeZone, request.durationMinutes(), assigneeId,
                request.note(), request.location(), clock.instant(), caller.userId()));
    }

    /**
     * Undoes a mistaken tick. An activity of a deleted deal stays as it is (404): its deal's deletion cancelled
     * only the activities open then, and a reopened one would be left open on a deal that no longer exists.
     */
    @PostMapping("/{activityId}/reopen")
    public ResponseEntity<ActivityDetails> reopen(@PathVariable String activityId,
                                                  @RequestBody(required = false) NoFields request, Caller caller) {
        dealActivities.dealOf(caller.organizationId(), activityId)
                .flatMap(deals::known)
                .filter(KnownDeal::deleted)
                .ifPresent(deal -> {
                    throw deletedDeal(deal.dealId());
                });
        Written<ActivityDetails> written = WrittenPositions.capture(() -> commands.sendAndWait(
                new ReopenActivity(activityId, caller.organizationId(), caller.onlyOwnUserId(), clock.instant(),
                        caller.userId())));
        if (dealDeletions.cancelIfDealDeletedMeanwhile(activityId, written.result().dealId())) {
            throw deletedDeal(written.result().dealId());
        }
        return respond(written, written.result());
    }

    /** Cancels an open activity; a done or cancelled one stays as it is (409). */
    @DeleteMapping("/{activityId}")
    public ResponseEntity<ActivityDetails> cancel(@PathVariable String activityId, Caller caller) {
        return send(new CancelActivity(activityId, caller.organizationId(), caller.onlyOwnUserId(),
                CancellationReason.BY_USER, clock.instant(), caller.userId()));
    }

    private ResponseEntity<ActivityDetails> send(Object command) {
        Written<ActivityDetails> written = WrittenPositions.capture(() -> commands.sendAndWait(command));
        return respond(written, written.result());
    }

    private static <B> ResponseEntity<B> respond(Written<?> written, B body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (!written.positions().isEmpty()) {
            response.header(Position.WRITTEN_HEADER, written.header());
        }
        return response.body(body);
    }

    private static Postponement postponement(PostponeActivityRequest request) {
        if (request.dueDate() == null && request.by() == null) {
            throw new InvalidInputException("dueDate", "give either dueDate (with an optional dueTime and timeZone) "
                    + "or by, a duration like PT1H, P1D or P1W");
        }
        if (request.by() != null) {
            if (request.dueDate() != null) {
                throw new InvalidInputException(DueShift.FIELD, "give either dueDate or by, not both");
            }
            if (request.dueTime() != null || request.timeZone() != null) {
                throw new InvalidInputException(request.dueTime() != null ? "dueTime" : "timeZone",
                        "goes with dueDate, not with by");
            }
            return DueShift.parse(request.by());
        }
        return new Postponement.Until(request.dueDate(), request.dueTime() == null ? null
                : wallTime(request.dueTime(), ""),
                request.timeZone() == null || request.timeZone().isEmpty() ? null : zone(request.timeZone(), ""));
    }

    /** {@code assigneeId: null} hands the activity to its deal's current owner, as scheduling without one does. */
    private String ownerOfDealOf(String activityId, Caller caller) {
        String dealId = dealActivities.dealOf(caller.organizationId(), activityId)
                .orElseThrow(() -> new NotFoundException("No activity " + activityId));
        return deals.known(dealId).map(KnownDeal::ownerId)
                .orElseThrow(() -> new InvalidInputException("assigneeId", "the deal's owner is not known; name "
                        + "the assignee"));
    }

    /**
     * A next step is scheduled on the completed activity's deal, so a restricted member needs to own that deal as
     * when scheduling. Checked before the command learns whether the activity is theirs at all, so the answer is
     * the one an activity they may not see gets: it must not tell them which deal someone else's activity is on.
     */
    private void requireOwnDealOf(String activityId, Caller caller) {
        dealActivities.dealOf(caller.organizationId(), activityId).ifPresent(dealId -> {
            if (!deals.known(dealId).map(deal -> caller.sees(deal.ownerId())).orElse(false)) {
                throw new NotFoundException("No activity " + activityId);
            }
        });
    }

    private static NotFoundException deletedDeal(String dealId) {
        return new NotFoundException("No deal " + dealId + ": it was deleted, so its activities stay as they are");
    }

    /**
     * An activity without a zone is read in the caller's zone, so "today" means the caller's today. Times are
     * to the minute: a second-precise due would be shown, compared and postponed inconsistently.
     */
    private static Due due(LocalDate date, LocalTime time, String timeZone, Caller caller, String fieldPrefix) {
        if (time != null) {
            wallTime(time, fieldPrefix);
        }
        if (timeZone == null || timeZone.isEmpty()) {
            return new Due(date, time, caller.timeZone().getId());
        }
        return new Due(date, time, zone(timeZone, fieldPrefix));
    }

    private static LocalTime wallTime(LocalTime time, String fieldPrefix) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new InvalidInputException(fieldPrefix + "dueTime", "must be a wall time to the minute, like 14:30");
        }
        return time;
    }

    private static String zone(String timeZone, String fieldPrefix) {
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException(fieldPrefix + "timeZone", "is not an IANA time zone id like Asia/Tehran");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
