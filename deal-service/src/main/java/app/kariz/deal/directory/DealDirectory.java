package app.kariz.deal.directory;

import app.kariz.support.mongo.RebuildableState;
import app.kariz.deal.command.DealStatus;
import app.kariz.deal.consistency.AppliedSequences;
import app.kariz.support.consistency.AppliedSignal;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where each deal sits (organisation, pipeline, stage, status, deleted), so that removing a stage or deleting a
 * pipeline can tell whether deals are still on it. Kept in the deal service's own database (collection
 * {@code deals}) by a tracking processor over its event store, so it can always be rebuilt from the events.
 * Every update is guarded by the deal's event sequence number: applying an event twice, or an older one after a
 * newer one, changes nothing.
 *
 * <p>Consistency: every deal write answers only after this directory applied it ({@code CommandSender}), so a
 * deal opened or moved before a stage removal (or pipeline deletion) begins is always counted. What remains is a
 * race between requests that overlap in time: opening a deal checks its stage against the pipeline directory and
 * then writes the deal; removing a stage counts the stage's deals here and then writes {@code StageRemoved}. No
 * single aggregate serialises the two, so a deal opened into (or moved to) a stage while that stage is being
 * removed can land on it after its deals were counted, and stay on a stage that no longer exists. The removal
 * narrows the window by looking for such deals once more after the stage is gone and moving them to its target,
 * when it has one. A deal left on a removed stage stays usable: it can be moved to an existing stage (a move checks
 * only its target), won, lost, edited or deleted; boards show it nowhere until it is moved.
 */
@ProcessingGroup(DealDirectory.PROCESSING_GROUP)
public class DealDirectory implements AppliedSequences {

    public static final String PROCESSING_GROUP = "deal-directory";

    private final MongoCollection<Document> deals;
    private final AppliedSignal signal;

    public DealDirectory(MongoDatabase database, AppliedSignal signal) {
        this.deals = RebuildableState.collection(database, "deals");
        this.signal = signal;
        deals.createIndex(Indexes.ascending("organizationId", "stageId"));
        deals.createIndex(Indexes.ascending("organizationId", "pipelineId"));
    }

    @EventHandler
    void on(DealOpened event, @SequenceNumber long sequence) {
        deals.updateOne(Filters.eq("_id", event.dealId()), Updates.combine(
                Updates.setOnInsert("organizationId", event.organizationId()),
                Updates.setOnInsert("pipelineId", event.pipelineId()),
                Updates.setOnInsert("stageId", event.stageId()),
                Updates.setOnInsert("status", DealStatus.OPEN.name()),
                Updates.setOnInsert("deleted", false),
                Updates.setOnInsert("sequence", sequence)), new UpdateOptions().upsert(true));
        signal.applied(aggregateType(), event.dealId(), sequence);
    }

    @EventHandler
    void on(DealMoved event, @SequenceNumber long sequence) {
        apply(event.dealId(), sequence, Updates.set("pipelineId", event.toPipelineId()),
                Updates.set("stageId", event.toStageId()));
    }

    @EventHandler
    void on(DealWon event, @SequenceNumber long sequence) {
        apply(event.dealId(), sequence, Updates.set("status", DealStatus.WON.name()));
    }

    @EventHandler
    void on(DealLost event, @SequenceNumber long sequence) {
        apply(event.dealId(), sequence, Updates.set("status", DealStatus.LOST.name()));
    }

    @EventHandler
    void on(DealReopened event, @SequenceNumber long sequence) {
        apply(event.dealId(), sequence, Updates.set("status", DealStatus.OPEN.name()));
    }

    @EventHandler
    void on(DealDeleted event, @SequenceNumber long sequence) {
        apply(event.dealId(), sequence, Updates.set("deleted", true));
    }

    /** Events that change nothing here (e.g. {@code DealUpdated}) still count as applied for waiting writers. */
    @EventHandler
    void on(DealUpdated event, @SequenceNumber long sequence) {
        apply(event.dealId(), sequence);
    }

    private void apply(String dealId, long sequence, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set("sequence", sequence));
        deals.updateOne(Filters.and(Filters.eq("_id", dealId), Filters.lt("sequence", sequence)),
                Updates.combine(all));
        signal.applied(aggregateType(), dealId, sequence);
    }

    /** The ids of the deals (of any status, not deleted) on a stage. */
    public List<String> dealsOnStage(String organizationId, String stageId) {
        return deals.find(Filters.and(Filters.eq("organizationId", organizationId), Filters.eq("stageId", stageId),
                        Filters.eq("deleted", false)))
                .map(deal -> deal.getString("_id")).into(new ArrayList<>());
    }

    /** How many deals (of any status, not deleted) are on a pipeline. */
    public long countOnPipeline(String organizationId, String pipelineId) {
        return deals.countDocuments(Filters.and(Filters.eq("organizationId", organizationId),
                Filters.eq("pipelineId", pipelineId), Filters.eq("deleted", false)));
    }

    @Override
    public String aggregateType() {
        return "deal";
    }

    @Override
    public OptionalLong appliedSequence(String dealId) {
        Document deal = deals.find(Filters.eq("_id", dealId)).first();
        return deal == null ? OptionalLong.empty() : OptionalLong.of(deal.get("sequence", Number.class).longValue());
    }
}
