package app.kariz.view.stream;

import app.kariz.events.KarizEvent;
import app.kariz.events.activity.ActivityEvent;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealEvent;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.pipeline.PipelineEvent;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.Objects;

/**
 * The projection, recording after each event it is given which board the event changed in the
 * {@link BoardChangeLog}: the deal card a deal or activity event writes (with the board a move to another
 * pipeline or a deletion takes it off, and the owner a hand-over or a deletion takes it from), or the pipeline a
 * pipeline event changes.
 *
 * <p>The change is recorded after the event was applied, so a reader of the log reads the card as the event left
 * it. It is recorded also when the projection skipped the event as already applied: Kafka redelivers an event
 * whose handling did not finish, so a crash between applying and recording announces the change on redelivery,
 * and every change is announced at least once (an announcement is the card as it is now, so twice is harmless).
 */
public class ChangeRecordingProjection extends PipelineViewProjection {

    private final MongoCollection<Document> dealCards;
    private final BoardChangeLog changes;

    public ChangeRecordingProjection(ViewCollections collections, AppliedPositions positions,
                                     BoardChangeLog changes) {
        super(collections, positions);
        this.dealCards = collections.dealCards();
        this.changes = changes;
    }

    @Override
    public void handle(ConsumedEvent event) {
        KarizEvent payload = event.payload();
        Left left = left(payload);
        super.handle(event);
        if (payload instanceof DealEvent deal) {
            changes.recordCard(deal.organizationId(), deal.dealId(), left.pipelineId(), left.ownerId());
        } else if (payload instanceof ActivityEvent activity) {
            changes.recordCard(activity.organizationId(), activity.dealId(), null);
        } else if (payload instanceof PipelineEvent pipeline) {
            changes.recordPipeline(pipeline.organizationId(), pipeline.pipelineId());
        }
    }

    /**
     * The board the event takes the card off (another pipeline's after a move) and the owner it takes it from
     * (the previous one after a hand-over); a deletion takes it off both, read before it is applied.
     */
    private Left left(KarizEvent payload) {
        if (payload instanceof DealMoved moved && !Objects.equals(moved.fromPipelineId(), moved.toPipelineId())) {
            return new Left(moved.fromPipelineId(), null);
        }
        if (payload instanceof DealUpdated updated && updated.from() != null
                && !Objects.equals(updated.from().ownerId(), updated.to().ownerId())) {
            return new Left(null, updated.from().ownerId());
        }
        if (payload instanceof DealDeleted deleted) {
            Document card = dealCards.find(Filters.eq("_id", deleted.dealId()))
                    .projection(Projections.include("pipelineId", "ownerId")).first();
            return card == null ? Left.NOTHING : new Left(card.getString("pipelineId"), card.getString("ownerId"));
        }
        return Left.NOTHING;
    }

    private record Left(String pipelineId, String ownerId) {
        static final Left NOTHING = new Left(null, null);
    }
}
