package app.kariz.activity.web;

import app.kariz.activity.command.Activity.CompletedActivity;
import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CancellationReason;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.command.ActivityDetails;
import app.kariz.activity.command.ActivityStatus;
import app.kariz.activity.deal.DealDeletionCascade;
import app.kariz.activity.deal.DealLookup;
import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.activity.web.ActivityRequests.CompleteActivityRequest;
import app.kariz.activity.web.ActivityRequests.NextActivityRequest;
import app.kariz.activity.web.ActivityRequests.PostponeActivityRequest;
import app.kariz.activity.web.ActivityRequests.ScheduleActivityRequest;
import app.kariz.events.activity.Due;
import app.kariz.events.Position;
import app.kariz.support.eventstore.WrittenPositions;
import app.kariz.support.eventstore.WrittenPositions.Written;
import app.kariz.support.web.Caller;
import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.NotFoundException;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

@RestController
@RequestMapping("/api/v1/activities")
public class ActivityController {

    private final CommandGateway commands;
    private final DealLookup deals;
    private final DealDeletionCascade dealDeletions;
    private final Clock clock;

    public ActivityController(CommandGateway commands, DealLookup deals, DealDeletionCascade dealDeletions,
                              Clock clock) {
        this.commands = commands;
        this.deals = deals;
        this.dealDeletions = dealDeletions;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<ActivityDetails> schedule(@Valid @RequestBody ScheduleActivityRequest request,
                                                    @RequestHeader(value = Position.AWAIT_HEADER, required = false)
                                                    String awaited, Caller caller) {
        Due due = due(request.dueDate(), request.dueTime(), request.timeZone(), caller, "");
        KnownDeal deal = deals.require(caller.organizationId(), request.dealId(), Position.parseAll(awaited));
        String activityId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String assigneeId = request.assigneeId() == null || request.assigneeId().isEmpty() ? deal.ownerId()
                : request.assigneeId();
        ScheduleActivity command = new ScheduleActivity(activityId, caller.organizationId(), deal.dealId(),
                request.type(), request.subject(), due, request.durationMinutes(), assigneeId, request.note(), now,
                caller.userId());
        Written<Object> written = WrittenPositions.capture(() -> commands.sendAndWait(command));
        if (dealDeletions.cancelIfDealDeletedMeanwhile(activityId, deal.dealId())) {
            throw new NotFoundException("No deal " + deal.dealId() + ": it was deleted while the activity was being "
                    + "scheduled");
        }
        ActivityDetails scheduled = new ActivityDetails(activityId, deal.dealId(), command.type(), command.subject(),
                due.date(), due.time(), due.timeZone(), command.durationMinutes(), assigneeId,
                command.note() == null || command.note().isBlank() ? null : command.note(), ActivityStatus.OPEN,
                null, null, 0, 0);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activityId))
                .header(Position.WRITTEN_HEADER, written.header())
                .body(scheduled);
    }

    @PostMapping("/{activityId}/complete")
    public ResponseEntity<CompletedActivity> complete(@PathVariable String activityId,
                                                      @Valid @RequestBody CompleteActivityRequest request,
                                                      Caller caller) {
        NextActivityRequest next = request.next();
        NextStep nextStep = next == null ? null : new NextStep(UUID.randomUUID().toString(), next.type(),
                next.subject(), due(next.dueDate(), next.dueTime(), next.timeZone(), caller, "next."),
                next.durationMinutes(), next.assigneeId(), next.note());
        return send(new CompleteActivity(activityId, caller.organizationId(), request.result(), nextStep,
                clock.instant(), caller.userId()));
    }

    @PostMapping("/{activityId}/postpone")
    public ResponseEntity<ActivityDetails> postpone(@PathVariable String activityId,
                                                    @Valid @RequestBody PostponeActivityRequest request,
                                                    Caller caller) {
        Due to = due(request.dueDate(), request.dueTime(), request.timeZone(), caller, "");
        return send(new PostponeActivity(activityId, caller.organizationId(), to, request.reason(), clock.instant(),
                caller.userId()));
    }

    /** Cancels an open activity; a done or cancelled one stays as it is (409). */
    @DeleteMapping("/{activityId}")
    public ResponseEntity<ActivityDetails> cancel(@PathVariable String activityId, Caller caller) {
        return send(new CancelActivity(activityId, caller.organizationId(), CancellationReason.BY_USER,
                clock.instant(), caller.userId()));
    }

    private <R> ResponseEntity<R> send(Object command) {
        Written<R> written = WrittenPositions.capture(() -> commands.sendAndWait(command));
        return ResponseEntity.ok().header(Position.WRITTEN_HEADER, written.header()).body(written.result());
    }

    /**
     * An activity without a zone is read in the caller's zone, so "today" means the caller's today. Times are
     * to the minute: a second-precise due would be shown, compared and postponed inconsistently.
     */
    private static Due due(LocalDate date, LocalTime time, String timeZone, Caller caller, String fieldPrefix) {
        if (time != null && (time.getSecond() != 0 || time.getNano() != 0)) {
            throw new InvalidInputException(fieldPrefix + "dueTime", "must be a wall time to the minute, like 14:30");
        }
        if (timeZone == null || timeZone.isEmpty()) {
            return new Due(date, time, caller.timeZone().getId());
        }
        try {
            return new Due(date, time, ZoneId.of(timeZone).getId());
        } catch (DateTimeException e) {
            throw new InvalidInputException(fieldPrefix + "timeZone", "is not an IANA time zone id like Asia/Tehran");
        }
    }
}
