package app.kariz.deal.command;

import app.kariz.deal.command.DealCommands.DeleteDeal;
import app.kariz.deal.command.DealCommands.LoseDeal;
import app.kariz.deal.command.DealCommands.MoveDeal;
import app.kariz.deal.command.DealCommands.OpenDeal;
import app.kariz.deal.command.DealCommands.RelocateDeal;
import app.kariz.deal.command.DealCommands.ReopenDeal;
import app.kariz.deal.command.DealCommands.UpdateDeal;
import app.kariz.deal.command.DealCommands.WinDeal;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A sales opportunity on a pipeline stage. Only open deals move or close; only closed deals reopen; any deal may be
 * edited or deleted. A deleted deal is gone: the repository answers every later command with "not found".
 * Checks run in this order: visibility (another organisation's deal, and for a restricted member another owner's
 * deal, looks unknown), then the expected version, then the rules.
 */
@Aggregate
class Deal {

    static final int TITLE_MAX = 255;
    static final int NAME_MAX = 255;
    static final int REASON_MAX = 500;

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
        if (command.onlyOwnedBy() != null && !command.onlyOwnedBy().equals(command.ownerId())) {
            throw new ForbiddenException("ownerId", "you may open deals only for yourself");
        }
        DealFields fields = validated(new DealFields(command.title(), command.value(), command.ownerId(),
                command.personName(), command.organizationName(), command.expectedCloseDate()));
        AggregateLifecycle.apply(new DealOpened(command.organizationId(), command.dealId(), command.pipelineId(),
                command.stageId(), fields.title(), fields.value(), fields.ownerId(), fields.personName(),
                fields.organizationName(), fields.expectedCloseDate(), command.at(), command.by()));
    }

    /** Closed deals may be edited too (e.g. a won deal's final value); an edit that changes nothing records nothing. */
    @CommandHandler
    public DealDetails handle(UpdateDeal command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyOwnedBy()));
        ensureVersion(command.expectedVersion());
        DealFields from = fields();
        DealFields requested = validated(new DealFields(command.title().applyTo(title),
                command.value().applyTo(value), command.ownerId().applyTo(ownerId),
                command.personName().applyTo(personName), command.organizationName().applyTo(organizationName),
                command.expectedCloseDate().applyTo(expectedCloseDate)));
        // The same amount written differently (1200 for 1200.00) is no change; keep the recorded form.
        DealFields to = sameMoney(from.value(), requested.value()) ? withValue(requested, from.value()) : requested;
        List<String> changed = changedFields(from, to);
        if (!changed.isEmpty()) {
            AggregateLifecycle.apply(new DealUpdated(organizationId, dealId, from, to, changed, command.at(),
                    command.by()));
        }
        return details();
    }

    @CommandHandler
    public DealDetails handle(MoveDeal command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyOwnedBy()));
        ensureVersion(command.expectedVersion());
        ensureOpen("move");
        if (!stageId.equals(command.stageId())) {
            AggregateLifecycle.apply(new DealMoved(organizationId, dealId, pipelineId, stageId,
                    command.stagePipelineId(), command.stageId(), stageEnteredAt, command.at(), command.by()));
        }
        return details();
    }

    /** Part of removing a stage: every deal on it moves, open or closed, as a normal move on its timeline. */
    @CommandHandler
    public DealDetails handle(RelocateDeal command) {
        ensureInReach(Reach.organization(command.organizationId()));
        if (stageId.equals(command.fromStageId()) && !stageId.equals(command.toStageId())) {
            AggregateLifecycle.apply(new DealMoved(organizationId, dealId, pipelineId, stageId,
                    command.toPipelineId(), command.toStageId(), stageEnteredAt, command.at(), command.by()));
        }
        return details();
    }

    @CommandHandler
    public DealDetails handle(WinDeal command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyOwnedBy()));
        ensureVersion(command.expectedVersion());
        ensureOpen("be won");
        AggregateLifecycle.apply(new DealWon(organizationId, dealId, command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public DealDetails handle(LoseDeal command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyOwnedBy()));
        ensureVersion(command.expectedVersion());
        ensureOpen("be lost");
        String reason = TextField.required("reason", command.reason(), REASON_MAX);
        AggregateLifecycle.apply(new DealLost(organizationId, dealId, reason, command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public DealDetails handle(ReopenDeal command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyOwnedBy()));
        ensureVersion(command.expectedVersion());
        if (status == DealStatus.OPEN) {
            throw new RuleViolationException("The deal is open; only won or lost deals can be reopened");
        }
        AggregateLifecycle.apply(new DealReopened(organizationId, dealId, command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public DealDetails handle(DeleteDeal command) {
        ensureInReach(new Reach(command.organizationId(), command.onlyOwnedBy()));
        ensureVersion(command.expectedVersion());
        AggregateLifecycle.apply(new DealDeleted(organizationId, dealId, command.at(), command.by()));
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
    void on(DealUpdated event) {
        DealFields to = event.to();
        title = to.title();
        value = to.value();
        ownerId = to.ownerId();
        personName = to.personName();
        organizationName = to.organizationName();
        expectedCloseDate = to.expectedCloseDate();
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

    @EventSourcingHandler
    void on(DealDeleted event) {
        AggregateLifecycle.markDeleted();
    }

    /** Checked against the owner as of the deal's latest event, so a deal just handed over is out of reach at once. */
    private void ensureInReach(Reach reach) {
        reach.require("deal", dealId, organizationId, ownerId);
    }

    private void ensureVersion(ExpectedVersion expected) {
        long current = version();
        if (!expected.allows(current)) {
            throw new StaleVersionException("The deal is at version " + current + ", not "
                    + (expected.versions().isEmpty() ? "the one If-Match names"
                    : new TreeSet<>(expected.versions()).stream().map(String::valueOf)
                    .collect(Collectors.joining(" or ")))
                    + "; it was changed since you read it. Nothing was changed: reload it and try again", current);
        }
    }

    private void ensureOpen(String action) {
        if (status != DealStatus.OPEN) {
            throw new RuleViolationException("The deal is " + status.name().toLowerCase()
                    + "; only open deals can " + action);
        }
    }

    private static DealFields validated(DealFields fields) {
        return new DealFields(TextField.required("title", fields.title(), TITLE_MAX), validated(fields.value()),
                TextField.required("ownerId", fields.ownerId(), NAME_MAX),
                TextField.optional("personName", fields.personName(), NAME_MAX),
                TextField.optional("organizationName", fields.organizationName(), NAME_MAX),
                fields.expectedCloseDate());
    }

    private static Money validated(Money value) {
        if (value == null) {
            return null;
        }
        if (value.amount() == null) {
            throw new InvalidInputException("value.amount", "must not be null");
        }
        if (value.amount().signum() < 0) {
            throw new InvalidInputException("value.amount", "must not be negative");
        }
        if (value.currency() == null || !value.currency().matches("[A-Z]{3}")) {
            throw new InvalidInputException("value.currency", "is not an ISO 4217 currency code");
        }
        try {
            Currency.getInstance(value.currency());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("value.currency", "is not an ISO 4217 currency code");
        }
        return value;
    }

    private static boolean sameMoney(Money a, Money b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }

    private static DealFields withValue(DealFields fields, Money value) {
        return new DealFields(fields.title(), value, fields.ownerId(), fields.personName(),
                fields.organizationName(), fields.expectedCloseDate());
    }

    /** The names of the fields that differ, in the order of {@link DealFields}. */
    private static List<String> changedFields(DealFields from, DealFields to) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(from.title(), to.title())) {
            changed.add("title");
        }
        if (!Objects.equals(from.value(), to.value())) {
            changed.add("value");
        }
        if (!Objects.equals(from.ownerId(), to.ownerId())) {
            changed.add("ownerId");
        }
        if (!Objects.equals(from.personName(), to.personName())) {
            changed.add("personName");
        }
        if (!Objects.equals(from.organizationName(), to.organizationName())) {
            changed.add("organizationName");
        }
        if (!Objects.equals(from.expectedCloseDate(), to.expectedCloseDate())) {
            changed.add("expectedCloseDate");
        }
        return changed;
    }

    private DealFields fields() {
        return new DealFields(title, value, ownerId, personName, organizationName, expectedCloseDate);
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    private DealDetails details() {
        return new DealDetails(dealId, title, pipelineId, stageId, status, value, ownerId, personName,
                organizationName, expectedCloseDate, createdAt, stageEnteredAt, wonAt, lostAt, lostReason,
                version());
    }
}
