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

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>{@link #inBatches}: the changes are held with the applied positions and recorded together once a batch is
 * full or the consumer ends a poll ({@link #writeHeld()}), the changes first, then the positions. So a read that
 * waited for its position finds its change recorded, and a batch costs one read of the log's end and one insert
 * instead of one of each per event.
 */
public class ChangeRecordingProjection extends PipelineViewProjection {

    private final MongoCollection<Document> dealCards;
    private final AppliedPositions positions;
    private final BoardChangeLog changes;
    /** Changes not yet recorded; null when each is recorded as its event is applied. */
    private final List<BoardChangeLog.Change> held;
    private final int batch;

    /** Records each change as soon as its event is applied. */
    public ChangeRecordingProjection(ViewCollections collections, AppliedPositions positions,
                                     BoardChangeLog changes) {
        this(collections, positions, changes, null, 1);
    }

    private ChangeRecordingProjection(ViewCollections collections, AppliedPositions positions, BoardChangeLog changes,
                                      List<BoardChangeLog.Change> held, int batch) {
        super(collections, positions);
        this.dealCards = collections.dealCards();
        this.positions = positions;
        this.changes = changes;
        this.held = held;
        this.batch = batch;
    }

    /**
     * Holds the changes of up to {@code batch} events, or of one poll, and records them with their positions
     * ({@link #writeHeld()}, see the class comment).
     *
     * @param positions held until written ({@link AppliedPositions#heldUntilWritten}), or a read could see its
     *                  position before its change is recorded
     */
    public static ChangeRecordingProjection inBatches(ViewCollections collections, AppliedPositions positions,
                                                      BoardChangeLog changes, int batch) {
        if (!positions.holds()) {
            throw new IllegalArgumentException("Changes recorded in batches need positions held until written");
        }
        return new ChangeRecordingProjection(collections, positions, changes, new ArrayList<>(), batch);
    }

    @Override
    public synchronized void handle(ConsumedEvent event) {
        KarizEvent payload = event.payload();
        Left left = left(payload);
        super.handle(event);
        BoardChangeLog.Change change = change(payload, left);
        if (change == null) {
            return;
        }
        if (held == null) {
            changes.record(List.of(change));
            return;
        }
        held.add(change);
        if (held.size() >= batch || positions.heldCount() >= batch) {
            writeHeld();
        }
    }

    /**
     * Records the held changes, then writes the held positions: the consumer calls it before committing a poll's
     * offsets. Nothing to do for a projection that records each change at once.
     */
    public synchronized void writeHeld() {
        if (held == null) {
            return;
        }
        if (!held.isEmpty()) {
            changes.record(held);
            held.clear();
        }
        positions.writeHeld();
    }

    private static BoardChangeLog.Change change(KarizEvent payload, Left left) {
        if (payload instanceof DealEvent deal) {
            return BoardChangeLog.Change.ofCard(deal.organizationId(), deal.dealId(), left.pipelineId(),
                    left.ownerId());
        } else if (payload instanceof ActivityEvent activity) {
            return BoardChangeLog.Change.ofCard(activity.organizationId(), activity.dealId(), null, null);
        } else if (payload instanceof PipelineEvent pipeline) {
            return BoardChangeLog.Change.ofPipeline(pipeline.organizationId(), pipeline.pipelineId());
        }
        return null;
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
