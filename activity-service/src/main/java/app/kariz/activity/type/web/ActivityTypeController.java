package app.kariz.activity.type.web;

import app.kariz.activity.type.command.ActivityType;
import app.kariz.activity.type.command.ActivityTypeCommands.AddActivityType;
import app.kariz.activity.type.command.ActivityTypeCommands.ChangeActivityType;
import app.kariz.activity.type.command.ActivityTypes;
import app.kariz.activity.type.directory.ActivityTypeDirectory;
import app.kariz.activity.type.web.ActivityTypeRequests.AddActivityTypeRequest;
import app.kariz.activity.type.web.ActivityTypeRequests.ChangeActivityTypeRequest;
import app.kariz.events.Position;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Caller;
import app.kariz.support.eventstore.WrittenPositions.Written;
import app.kariz.support.eventstore.WrittenPositions;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The caller's organisation's activity types: the defaults (which can be renamed, made to require a result or
 * not, and deactivated, but not removed) and its own. Everyone reads them; only admins change them (403 for the
 * others, which the gateway already refuses). Reads come from {@link ActivityTypeDirectory}, which a write
 * has updated by the time it answers.
 */
@RestController
@RequestMapping("/api/v1/activity-types")
class ActivityTypeController {

    private final ActivityTypes types;
    private final CommandGateway commands;
    private final Clock clock;

    public ActivityTypeController(ActivityTypes types, CommandGateway commands, Clock clock) {
        this.types = types;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    public List<ActivityType> activityTypes(Caller caller) {
        return types.all(caller.organizationId());
    }

    @GetMapping("/{key}")
    public ActivityType activityType(@PathVariable String key, Caller caller) {
        return types.find(caller.organizationId(), key)
                .orElseThrow(() -> new NotFoundException("No activity type " + key));
    }

    /** A key the organisation already has, a default one included, is a conflict (409). */
    @PostMapping
    public ResponseEntity<ActivityType> add(@Valid @RequestBody AddActivityTypeRequest request, Caller caller) {
        caller.requireAdmin();
        Written<ActivityType> written = WrittenPositions.capture(() -> commands.sendAndWait(new AddActivityType(
                caller.organizationId(), request.key(), request.name(), request.requiresResult(), clock.instant(),
                caller.userId())));
        return ResponseEntity.created(URI.create("/api/v1/activity-types/" + written.result().key()))
                .header(Position.WRITTEN_HEADER, written.header())
                .body(written.result());
    }

    /** Changing nothing answers the type as it is, without a {@code Kariz-Position}. */
    @PatchMapping("/{key}")
    public ResponseEntity<ActivityType> change(@PathVariable String key,
                                               @RequestBody ChangeActivityTypeRequest request, Caller caller) {
        caller.requireAdmin();
        Written<ActivityType> written = WrittenPositions.capture(() -> commands.sendAndWait(new ChangeActivityType(
                caller.organizationId(), key, request.name(), request.requiresResult(), request.active(),
                clock.instant(), caller.userId())));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (!written.positions().isEmpty()) {
            response.header(Position.WRITTEN_HEADER, written.header());
        }
        return response.body(written.result());
    }
}
