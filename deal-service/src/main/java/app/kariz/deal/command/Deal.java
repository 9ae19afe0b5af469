package app.kariz.deal.command;

import app.kariz.deal.command.DealCommands.LoseDeal;
import app.kariz.deal.command.DealCommands.MoveDeal;
import app.kariz.deal.command.DealCommands.OpenDeal;
import app.kariz.deal.command.DealCommands.ReopenDeal;
import app.kariz.deal.command.DealCommands.WinDeal;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.NotFoundException;
import app.kariz.support.web.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;

/** A sales opportunity on a pipeline stage. Only open deals move or close; only closed deals reopen. */
@Aggregate
public class Deal {

    @AggregateIdentifier
    private String dealId;
    private String organizationId;
    private String pipelineId;
    private String stageId;
    private DealStatus status;
    private String title;
    private Money value;
    private String ownerId;
    private String personName;
    private String organizationName;
    private LocalDate expectedCloseDate;
    private Instant createdAt;
    private Instant stageEnteredAt;
    private Instant wonAt;
    private Instant lostAt;
    private String lostReason;

    protected Deal() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Deal(OpenDeal command) {
        AggregateLifecycle.apply(new DealOpened(command.organizationId(), command.dealId(), command.pipelineId(),
                command.stageId(), command.title(), command.value(), command.ownerId(), command.personName(),
                command.organizationName(), command.expectedCloseDate(), command.at(), command.by()));
    }

    @CommandHandler
    public DealDetails handle(MoveDeal command) {
        ensureSameOrganization(command.organizationId());
        ensureOpen("move");
        if (!pipelineId.equals(command.stagePipelineId())) {
            throw new InvalidInputException("stageId", "is a stage of another pipeline; a deal moves only "
                    + "between the stages of its own pipeline");
        }
        if (!stageId.equals(command.stageId())) {
            AggregateLifecycle.apply(new DealMoved(organizationId, dealId, pipelineId, stageId, pipelineId,
                    command.stageId(), stageEnteredAt, command.at(), command.by()));
        }
        return details();
    }

    @CommandHandler
    public DealDetails handle(WinDeal command) {
        ensureSameOrganization(command.organizationId());
        ensureOpen("be won");
        AggregateLifecycle.apply(new DealWon(organizationId, dealId, command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public DealDetails handle(LoseDeal command) {
        ensureSameOrganization(command.organizationId());
        ensureOpen("be lost");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "must say why the deal was lost");
        }
        AggregateLifecycle.apply(new DealLost(organizationId, dealId, command.reason(), command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public DealDetails handle(ReopenDeal command) {
        ensureSameOrganization(command.organizationId());
        if (status == DealStatus.OPEN) {
            throw new RuleViolationException("The deal is open; only won or lost deals can be reopened");
        }
        AggregateLifecycle.apply(new DealReopened(organizationId, dealId, command.at(), command.by()));
        return details();
    }

    @EventSourcingHandler
    void on(DealOpened event) {
        dealId = event.dealId();
        organizationId = event.organizationId();
        pipelineId = event.pipelineId();
        stageId = event.stageId();
        status = DealStatus.OPEN;
        title = event.title();
        value = event.value();
        ownerId = event.ownerId();
        personName = event.personName();
        organizationName = event.organizationName();
        expectedCloseDate = event.expectedCloseDate();
        createdAt = event.openedAt();
        stageEnteredAt = event.openedAt();
    }

    @EventSourcingHandler
    void on(DealMoved event) {
        pipelineId = event.toPipelineId();
        stageId = event.toStageId();
        stageEnteredAt = event.movedAt();
    }

    @EventSourcingHandler
    void on(DealWon event) {
        status = DealStatus.WON;
        wonAt = event.wonAt();
    }

    @EventSourcingHandler
    void on(DealLost event) {
        status = DealStatus.LOST;
        lostAt = event.lostAt();
        lostReason = event.reason();
    }

    @EventSourcingHandler
    void on(DealReopened event) {
        status = DealStatus.OPEN;
        wonAt = null;
        lostAt = null;
        lostReason = null;
    }

    /** Another organisation's deal must look exactly like one that does not exist. */
    private void ensureSameOrganization(String callerOrganizationId) {
        if (!organizationId.equals(callerOrganizationId)) {
            throw new NotFoundException("No deal " + dealId);
        }
    }

    private void ensureOpen(String action) {
        if (status != DealStatus.OPEN) {
            throw new RuleViolationException("The deal is " + status.name().toLowerCase()
                    + "; only open deals can " + action);
        }
    }

    private DealDetails details() {
        return new DealDetails(dealId, title, pipelineId, stageId, status, value, ownerId, personName,
                organizationName, expectedCloseDate, createdAt, stageEnteredAt, wonAt, lostAt, lostReason,
                AggregateLifecycle.getVersion() == null ? 0 : AggregateLifecycle.getVersion());
    }
}
