package app.kariz.deal.web;

import app.kariz.deal.command.DealCommands.LoseDeal;
import app.kariz.deal.command.DealCommands.MoveDeal;
import app.kariz.deal.command.DealCommands.OpenDeal;
import app.kariz.deal.command.DealCommands.ReopenDeal;
import app.kariz.deal.command.DealCommands.WinDeal;
import app.kariz.deal.command.DealDetails;
import app.kariz.deal.command.DealStatus;
import app.kariz.deal.pipeline.PipelineDirectory;
import app.kariz.deal.pipeline.PipelineDirectory.PipelineView;
import app.kariz.deal.web.DealRequests.LoseDealRequest;
import app.kariz.deal.web.DealRequests.MoneyRequest;
import app.kariz.deal.web.DealRequests.MoveDealRequest;
import app.kariz.deal.web.DealRequests.NoFields;
import app.kariz.deal.web.DealRequests.OpenDealRequest;
import app.kariz.events.deal.Money;
import app.kariz.events.Position;
import app.kariz.support.eventstore.WrittenPositions;
import app.kariz.support.eventstore.WrittenPositions.Written;
import app.kariz.support.web.Caller;
import app.kariz.support.web.InvalidInputException;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/deals")
public class DealController {

    private final CommandGateway commands;
    private final PipelineDirectory pipelines;
    private final Clock clock;

    public DealController(CommandGateway commands, PipelineDirectory pipelines, Clock clock) {
        this.commands = commands;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<DealDetails> open(@Valid @RequestBody OpenDealRequest request, Caller caller) {
        PipelineView pipeline = pipelines.find(caller.organizationId(), request.pipelineId())
                .orElseThrow(() -> new InvalidInputException("pipelineId", "no such pipeline"));
        if (!pipeline.hasStage(request.stageId())) {
            throw new InvalidInputException("stageId", "is not a stage of pipeline " + pipeline.name());
        }
        String dealId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String ownerId = request.ownerId() == null || request.ownerId().isEmpty() ? caller.userId()
                : request.ownerId();
        OpenDeal command = new OpenDeal(dealId, caller.organizationId(), pipeline.id(), request.stageId(),
                request.title(), money(request.value()), ownerId, blankToNull(request.personName()),
                blankToNull(request.organizationName()), request.expectedCloseDate(), now, caller.userId());
        Written<Object> written = WrittenPositions.capture(() -> commands.sendAndWait(command));
        DealDetails created = new DealDetails(dealId, command.title(), command.pipelineId(), command.stageId(),
                DealStatus.OPEN, command.value(), ownerId, command.personName(), command.organizationName(),
                command.expectedCloseDate(), now, now, null, null, null, 0);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + dealId))
                .header(Position.WRITTEN_HEADER, written.header())
                .body(created);
    }

    @PostMapping("/{dealId}/move")
    public ResponseEntity<DealDetails> move(@PathVariable String dealId, @Valid @RequestBody MoveDealRequest request,
                                            Caller caller) {
        PipelineView pipeline = pipelines.findByStage(caller.organizationId(), request.stageId())
                .orElseThrow(() -> new InvalidInputException("stageId", "no such stage"));
        return send(new MoveDeal(dealId, caller.organizationId(), request.stageId(), pipeline.id(), clock.instant(),
                caller.userId()));
    }

    @PostMapping("/{dealId}/won")
    public ResponseEntity<DealDetails> won(@PathVariable String dealId,
                                           @RequestBody(required = false) NoFields request, Caller caller) {
        return send(new WinDeal(dealId, caller.organizationId(), clock.instant(), caller.userId()));
    }

    @PostMapping("/{dealId}/lost")
    public ResponseEntity<DealDetails> lost(@PathVariable String dealId, @Valid @RequestBody LoseDealRequest request,
                                            Caller caller) {
        return send(new LoseDeal(dealId, caller.organizationId(), request.reason(), clock.instant(),
                caller.userId()));
    }

    @PostMapping("/{dealId}/reopen")
    public ResponseEntity<DealDetails> reopen(@PathVariable String dealId,
                                              @RequestBody(required = false) NoFields request, Caller caller) {
        return send(new ReopenDeal(dealId, caller.organizationId(), clock.instant(), caller.userId()));
    }

    private ResponseEntity<DealDetails> send(Object command) {
        Written<DealDetails> written = WrittenPositions.capture(() -> commands.sendAndWait(command));
        return ResponseEntity.ok().header(Position.WRITTEN_HEADER, written.header()).body(written.result());
    }

    private static Money money(MoneyRequest value) {
        if (value == null) {
            return null;
        }
        try {
            Currency.getInstance(value.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("value.currency", "is not an ISO 4217 currency code");
        }
        return new Money(value.amount(), value.currency());
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
