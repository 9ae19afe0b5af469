package app.kariz.view.projection;

import app.kariz.events.KarizEvent;
import app.kariz.events.activity.ActivityEvent;
import app.kariz.events.activitytype.ActivityTypeEvent;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealEvent;
import app.kariz.events.pipeline.PipelineEvent;
import app.kariz.events.Position;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.store.ViewCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Projects the deal, activity and pipeline topics into the read models. Kafka delivers at least once and
 * keeps order only within a stream, so: an event at or below its stream's applied position is a duplicate
 * and is skipped; an event's effects are written before its position, so a crash in between re-applies
 * it, and every effect is idempotent; and no read model depends on the order of events of different streams.
 * A deleted deal stays deleted whatever arrives after its {@code DealDeleted}. It applies what it is given:
 * holding back an event that arrived after a gap in its stream until the gap is filled is the job of
 * {@link app.kariz.view.consistency.InOrderStreams}, which the consumer hands events to first.
 */
public class PipelineViewProjection implements ConsumedEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PipelineViewProjection.class);

    private final AppliedPositions positions;
    private final DealCardWriter dealCards;
    private final ActivityWriter activities;
    private final TimelineWriter timeline;
    private final PipelineWriter pipelines;

    public PipelineViewProjection(ViewCollections collections, AppliedPositions positions) {
        this.positions = positions;
        this.dealCards = new DealCardWriter(collections.dealCards(), collections.activities());
        this.activities = new ActivityWriter(collections.activities());
        this.timeline = new TimelineWriter(collections.timeline());
        this.pipelines = new PipelineWriter(collections.pipelines());
    }

    @Override
    public void handle(ConsumedEvent event) {
        MDC.put("correlationId", event.correlationId());
        try {
            Position position = event.position();
            long applied = positions.appliedSequence(position.streamKey());
            if (position.sequence() <= applied) {
                log.debug("Skipping {} at {}: already applied up to {}", event.ceType(), position, applied);
                return;
            }
            apply(event);
            positions.recordApplied(position);
        } finally {
            MDC.remove("correlationId");
        }
    }

    /**
     * Every type of {@code EventCatalog} is applied here or deliberately left out (activity types here, others
     * by a writer); an event this view does not know is logged and skipped, never retried forever.
     */
    private void apply(ConsumedEvent event) {
        KarizEvent payload = event.payload();
        long sequence = event.position().sequence();
        if (payload instanceof DealDeleted deleted) {
            forget(deleted, sequence);
        } else if (payload instanceof DealEvent deal) {
            if (isDeleted(event, deal.dealId())) {
                return;
            }
            dealCards.apply(deal, sequence);
            timeline.apply(event);
        } else if (payload instanceof ActivityEvent activity) {
            if (isDeleted(event, activity.dealId())) {
                return;
            }
            activities.apply(activity, sequence);
            dealCards.refreshActivities(activity.organizationId(), activity.dealId());
            timeline.apply(event);
        } else if (payload instanceof PipelineEvent pipeline) {
            pipelines.apply(pipeline, sequence);
        } else if (payload instanceof ActivityTypeEvent) {
            // Views show an activity's type by its key, as activity events name it; the catalog's names and
            // rules are the activity service's business, so this view does not subscribe to their topic.
            log.debug("Not applying {} at {}: activity types are not part of this view", event.ceType(),
                    event.position());
        } else {
            log.warn("Ignoring {}: not an event this view knows", event.ceType());
        }
    }

    /**
     * A deleted deal leaves only its card's tombstone, written first so that events of the deal applied from
     * then on are skipped; then its history and activities are forgotten (again, harmlessly, on a re-apply).
     */
    private void forget(DealDeleted deleted, long sequence) {
        dealCards.apply(deleted, sequence);
        timeline.deleteOfDeal(deleted.organizationId(), deleted.dealId());
        activities.deleteOfDeal(deleted.organizationId(), deleted.dealId());
    }

    /** Events of a deleted deal, such as the cancellations its deletion causes, change no view. */
    private boolean isDeleted(ConsumedEvent event, String dealId) {
        if (dealCards.isDeleted(dealId)) {
            log.debug("Skipping {} at {}: deal {} is deleted", event.ceType(), event.position(), dealId);
            return true;
        }
        return false;
    }
}
