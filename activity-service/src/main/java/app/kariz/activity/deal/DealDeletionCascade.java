package app.kariz.activity.deal;

import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CancellationReason;
import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.events.deal.DealDeleted;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cancels the open activities of a deleted deal ({@code ActivityCancelled} with reason {@code DEAL_DELETED}, by
 * whoever deleted the deal). It runs after {@link KnownDeals} has applied the {@code DealDeleted}, so from
 * then on no new activity is scheduled on the deal.
 * <p>
 * Safe to repeat: Kafka delivers at least once, and a re-delivered deletion finds no open activity left. An
 * activity that is done or cancelled by the time its cancel command runs (the open list is read a moment
 * before) is skipped, as is one the event store does not know; any other failure propagates, so the consumer
 * retries the whole deletion with back-off and the activities cancelled before the failure are skipped then.
 * The deal's open activities are read again after each round, until none is left that was not tried: an
 * activity completed meanwhile with a next step leaves that next step open on the deal, and it is cancelled
 * too.
 */
public class DealDeletionCascade implements ConsumedEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DealDeletionCascade.class);

    private final DealActivities activities;
    private final KnownDeals deals;
    private final CommandGateway commands;
    private final Clock clock;

    public DealDeletionCascade(DealActivities activities, KnownDeals deals, CommandGateway commands, Clock clock) {
        this.activities = activities;
        this.deals = deals;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void handle(ConsumedEvent consumed) {
        if (!(consumed.payload() instanceof DealDeleted deleted)) {
            return;
        }
        Set<String> tried = new HashSet<>();
        int cancelled = 0;
        List<String> open;
        while (!(open = untried(deleted.organizationId(), deleted.dealId(), tried)).isEmpty()) {
            for (String activityId : open) {
                tried.add(activityId);
                if (cancel(activityId, deleted.organizationId(), deleted.deletedBy(), consumed.correlationId())) {
                    cancelled++;
                }
            }
        }
        if (cancelled > 0) {
            log.info("Cancelled {} open activities of deleted deal {} (correlation {})", cancelled,
                    deleted.dealId(), consumed.correlationId());
        }
    }

    /**
     * Closes the gap between a scheduling request's deal lookup and its command: if the deal was deleted in
     * between, the cascade may have looked for the deal's open activities before this one was stored, so the
     * just-scheduled activity is cancelled here. Since {@link KnownDeals} marks the deletion before the cascade
     * reads {@link DealActivities}, and scheduling stores the activity there before this check reads
     * {@link KnownDeals}, one of the two sees the other.
     *
     * @return whether the deal is deleted (and the activity cancelled, unless that happened already)
     */
    public boolean cancelIfDealDeletedMeanwhile(String activityId, String dealId) {
        KnownDeal deal = deals.find(dealId).filter(KnownDeal::deleted).orElse(null);
        if (deal == null) {
            return false;
        }
        cancel(activityId, deal.organizationId(), deal.deletedBy(), null);
        return true;
    }

    private List<String> untried(String organizationId, String dealId, Set<String> tried) {
        return activities.openActivityIds(organizationId, dealId).stream().filter(id -> !tried.contains(id))
                .toList();
    }

    /** @return whether this call cancelled it; false when it was no longer open or is unknown */
    private boolean cancel(String activityId, String organizationId, String deletedBy, String correlationId) {
        CancelActivity command = new CancelActivity(activityId, organizationId, CancellationReason.DEAL_DELETED,
                clock.instant(), deletedBy);
        MetaData metaData = correlationId == null ? MetaData.emptyInstance() : MetaData.with("correlationId",
                correlationId);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuleViolationException) {
                log.debug("Activity {} of a deleted deal was no longer open: {}", activityId, cause.getMessage());
                return false;
            }
            if (cause instanceof AggregateNotFoundException || cause instanceof NotFoundException) {
                log.warn("Activity {} of a deleted deal is not in the event store of organisation {}; skipped",
                        activityId, organizationId);
                return false;
            }
            throw e;
        }
    }
}
