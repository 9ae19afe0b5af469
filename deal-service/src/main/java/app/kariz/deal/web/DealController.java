package app.kariz.deal.web;

import app.kariz.deal.command.DealCommands.DeleteDeal;
import app.kariz.deal.command.DealCommands.LoseDeal;
import app.kariz.deal.command.DealCommands.MoveDeal;
import app.kariz.deal.command.DealCommands.OpenDeal;
import app.kariz.deal.command.DealCommands.ReopenDeal;
import app.kariz.deal.command.DealCommands.UpdateDeal;
import app.kariz.deal.command.DealCommands.WinDeal;
import app.kariz.deal.command.DealDetails;
import app.kariz.deal.command.DealStatus;
import app.kariz.deal.command.ExpectedVersion;
import app.kariz.deal.command.StaleVersionException;
import app.kariz.deal.consistency.CommandSender;
import app.kariz.deal.pipeline.directory.PipelineDirectory.PipelineView;
import app.kariz.deal.pipeline.directory.PipelineDirectory;
import app.kariz.deal.web.DealRequests.LoseDealRequest;
import app.kariz.deal.web.DealRequests.MoneyRequest;
import app.kariz.deal.web.DealRequests.MoveDealRequest;
import app.kariz.deal.web.DealRequests.NoFields;
import app.kariz.deal.web.DealRequests.OpenDealRequest;
import app.kariz.deal.web.DealRequests.UpdateDealRequest;
import app.kariz.events.Position;
import app.kariz.events.deal.Money;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.access.Caller;
import app.kariz.support.eventstore.WrittenPositions.Written;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deal writes, within the caller's organisation and, for a restricted member, on its own deals only: the deal
 * aggregate decides both, answering another's deal like an unknown one (404). Every write on an existing deal
 * accepts {@code If-Match} with the deal's version (see {@link IfMatch}); a stale one answers 412 and changes
 * nothing. Every write response carries the deal's new
 * version as {@code ETag} (and in the body), and the positions it stored as {@code Kariz-Position}.
 */
@RestController
@RequestMapping("/api/v1/deals")
class DealController {

    private final CommandSender commands;
    private final PipelineDirectory pipelines;
    private final Clock clock;

    public DealController(CommandSender commands, PipelineDirectory pipelines, Clock clock) {
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
        OpenDeal command = new OpenDeal(dealId, caller.organizationId(), caller.onlyOwnUserId(), pipeline.id(),
                request.stageId(), request.title(), money(request.value()), ownerId,
                blankToNull(request.personName()), blankToNull(request.organizationName()),
                request.expectedCloseDate(), now, caller.userId());
        Written<Object> written = commands.send(command);
        DealDetails created = new DealDetails(dealId, command.title(), command.pipelineId(), command.stageId(),
                DealStatus.OPEN, command.value(), ownerId, command.personName(), command.organizationName(),
                command.expectedCloseDate(), now, now, null, null, null, 0);
        return ResponseEntity.created(URI.create("/api/v1/deals/" + dealId))
                .eTag(IfMatch.etag(created.version()))
                .headers(positions(written.positions()))
                .body(created);
    }

    /** Any of the editable fields; JSON {@code null} clears an optional one. Closed deals may be edited too. */
    @PatchMapping("/{dealId}")
    public ResponseEntity<DealDetails> update(@PathVariable String dealId,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch,
                                              @Valid @RequestBody UpdateDealRequest request, Caller caller) {
        ExpectedVersion expected = IfMatch.parse(ifMatch);
        return send(new UpdateDeal(dealId, caller.organizationId(), caller.onlyOwnUserId(), expected, request.title(),
                request.value().map(DealController::money), request.ownerId(), request.personName(),
                request.organizationName(), request.expectedCloseDate(), clock.instant(), caller.userId()),
                expected);
    }

    /** To any stage of the caller's organisation; a stage of another pipeline moves the deal to that pipeline. */
    @PostMapping("/{dealId}/move")
    public ResponseEntity<DealDetails> move(@PathVariable String dealId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch,
                                            @Valid @RequestBody MoveDealRequest request, Caller caller) {
        PipelineView pipeline = pipelines.findByStage(caller.organizationId(), request.stageId())
                .orElseThrow(() -> new InvalidInputException("stageId", "no such stage"));
        ExpectedVersion expected = IfMatch.parse(ifMatch);
        return send(new MoveDeal(dealId, caller.organizationId(), caller.onlyOwnUserId(), expected, request.stageId(),
                pipeline.id(), clock.instant(), caller.userId()), expected);
    }

    @PostMapping("/{dealId}/won")
    public ResponseEntity<DealDetails> won(@PathVariable String dealId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch,
                                           @RequestBody(required = false) NoFields request, Caller caller) {
        ExpectedVersion expected = IfMatch.parse(ifMatch);
        return send(new WinDeal(dealId, caller.organizationId(), caller.onlyOwnUserId(), expected, clock.instant(),
                caller.userId()), expected);
    }

    @PostMapping("/{dealId}/lost")
    public ResponseEntity<DealDetails> lost(@PathVariable String dealId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch,
                                            @Valid @RequestBody LoseDealRequest request, Caller caller) {
        ExpectedVersion expected = IfMatch.parse(ifMatch);
        return send(new LoseDeal(dealId, caller.organizationId(), caller.onlyOwnUserId(), expected, request.reason(),
                clock.instant(), caller.userId()), expected);
    }

    @PostMapping("/{dealId}/reopen")
    public ResponseEntity<DealDetails> reopen(@PathVariable String dealId,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch,
                                              @RequestBody(required = false) NoFields request, Caller caller) {
        ExpectedVersion expected = IfMatch.parse(ifMatch);
        return send(new ReopenDeal(dealId, caller.organizationId(), caller.onlyOwnUserId(), expected, clock.instant(),
                caller.userId()), expected);
    }

    /** The deal is gone afterwards: every later command on it answers 404. */
    @DeleteMapping("/{dealId}")
    public ResponseEntity<Void> delete(@PathVariable String dealId,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       Caller caller) {
        ExpectedVersion expected = IfMatch.parse(ifMatch);
        Written<DealDetails> written = sendExpecting(new DeleteDeal(dealId, caller.organizationId(),
                caller.onlyOwnUserId(), expected, clock.instant(), caller.userId()), expected);
        return ResponseEntity.noContent().headers(positions(written.positions())).build();
    }

    private ResponseEntity<DealDetails> send(Object command, ExpectedVersion expected) {
        Written<DealDetails> written = sendExpecting(command, expected);
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(written.result().version()))
                .headers(positions(written.positions()))
                .body(written.result());
    }

    /**
     * The deal checks the expected version when it is loaded. Another instance of this service can still append
     * to the deal between that check and this write's commit; the event store then refuses this write
     * ({@link ConcurrencyException}). With If-Match, that means the client's version went stale: 412. Without, it
     * stays the shared 409 "please retry".
     */
    private Written<DealDetails> sendExpecting(Object command, ExpectedVersion expected) {
        try {
            return commands.send(command);
        } catch (ConcurrencyException raced) {
            if (expected.isAny()) {
                throw raced;
            }
            throw new StaleVersionException("The deal was changed by another request at the same moment; "
                    + "nothing was changed: reload it and try again", null);
        }
    }

    private static HttpHeaders positions(List<Position> written) {
        HttpHeaders headers = new HttpHeaders();
        if (!written.isEmpty()) {
            headers.set(Position.WRITTEN_HEADER, Position.format(written));
        }
        return headers;
    }

    /** The deal checks amount and currency (ISO 4217), naming {@code value.amount} and {@code value.currency}. */
    private static Money money(MoneyRequest value) {
        return value == null ? null : new Money(value.amount(), value.currency());
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
