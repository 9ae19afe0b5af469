package app.kariz.deal.pipeline.directory;

import app.kariz.deal.consistency.AppliedSequences;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;
import app.kariz.support.consistency.AppliedSignal;
import app.kariz.support.mongo.RebuildableState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The pipelines and stages deal commands are checked against, kept in the deal service's own database (collection
 * {@code pipelines}) by a tracking processor over its event store, so it can always be rebuilt from the events.
 * Each update is guarded by the pipeline's event sequence number ({@code version}): applying an event twice, or an
 * older one after a newer one, changes nothing. Deleted pipelines stay as tombstones ({@code deleted: true}) that
 * no query but {@link #isKnown} returns.
 */
@ProcessingGroup(PipelineDirectory.PROCESSING_GROUP)
public class PipelineDirectory implements AppliedSequences {

    public static final String PROCESSING_GROUP = "pipeline-directory";

    private final MongoCollection<Document> pipelines;
    private final AppliedSignal signal;

    public PipelineDirectory(MongoDatabase database, AppliedSignal signal) {
        this.pipelines = RebuildableState.collection(database, "pipelines");
        this.signal = signal;
        pipelines.createIndex(Indexes.ascending("organizationId"));
        pipelines.createIndex(Indexes.ascending("organizationId", "stages.stageId"));
    }

    @EventHandler
    void on(PipelineCreated event, @SequenceNumber long sequence) {
        pipelines.updateOne(Filters.eq("_id", event.pipelineId()), Updates.combine(
                Updates.setOnInsert("organizationId", event.organizationId()),
                Updates.setOnInsert("name", event.name()),
                Updates.setOnInsert("stages", event.stages().stream()
                        .sorted((a, b) -> Integer.compare(a.order(), b.order()))
                        .map(PipelineDirectory::toDocument).toList()),
                Updates.setOnInsert("deleted", false),
                Updates.setOnInsert("version", sequence)), new UpdateOptions().upsert(true));
        signal.applied(aggregateType(), event.pipelineId(), sequence);
    }

    @EventHandler
    void on(PipelineRenamed event, @SequenceNumber long sequence) {
        update(event.pipelineId(), sequence, Updates.set("name", event.name()));
    }

    @EventHandler
    void on(PipelineDeleted event, @SequenceNumber long sequence) {
        update(event.pipelineId(), sequence, Updates.set("deleted", true));
    }

    @EventHandler
    void on(StageAdded event, @SequenceNumber long sequence) {
        updateStages(event.pipelineId(), sequence, event.stageOrder(), stages -> {
            stages.put(event.stageId(), new PipelineStage(event.stageId(), event.name(), 0,
                    event.rottenAfterDays()));
            return stages;
        });
    }

    @EventHandler
    void on(StageUpdated event, @SequenceNumber long sequence) {
        updateStages(event.pipelineId(), sequence, null, stages -> {
            stages.computeIfPresent(event.stageId(), (id, stage) -> new PipelineStage(id, event.name(),
                    stage.order(), event.rottenAfterDays()));
            return stages;
        });
    }

    @EventHandler
    void on(StagesReordered event, @SequenceNumber long sequence) {
        updateStages(event.pipelineId(), sequence, event.stageOrder(), UnaryOperator.identity());
    }

    @EventHandler
    void on(StageRemoved event, @SequenceNumber long sequence) {
        updateStages(event.pipelineId(), sequence, event.stageOrder(), stages -> {
            stages.remove(event.stageId());
            return stages;
        });
    }

    /**
     * Read, change, write: safe because one processor thread applies a pipeline's events in order, and the
     * version guard turns a replayed event into no change.
     *
     * @param order the stage ids left to right after the event, or null when the event keeps the order
     */
    private void updateStages(String pipelineId, long sequence, List<String> order,
                              UnaryOperator<Map<String, PipelineStage>> change) {
        Document pipeline = pipelines.find(Filters.eq("_id", pipelineId)).first();
        if (pipeline == null || versionOf(pipeline) >= sequence) {
            signal.applied(aggregateType(), pipelineId, sequence);
            return;
        }
        Map<String, PipelineStage> stages = new LinkedHashMap<>();
        toView(pipeline).stages().forEach(stage -> stages.put(stage.stageId(), stage));
        Map<String, PipelineStage> changed = change.apply(stages);
        List<Document> arranged = new ArrayList<>();
        for (String stageId : order != null ? order : List.copyOf(changed.keySet())) {
            PipelineStage stage = changed.get(stageId);
            if (stage != null) {
                arranged.add(toDocument(new PipelineStage(stageId, stage.name(), arranged.size(),
                        stage.rottenAfterDays())));
            }
        }
        update(pipelineId, sequence, Updates.set("stages", arranged));
    }

    private void update(String pipelineId, long sequence, Bson change) {
        // "not version >= sequence" also matches documents written before versions were recorded.
        pipelines.updateOne(Filters.and(Filters.eq("_id", pipelineId), Filters.not(Filters.gte("version", sequence))),
                Updates.combine(change, Updates.set("version", sequence)));
        signal.applied(aggregateType(), pipelineId, sequence);
    }

    public List<PipelineView> all(String organizationId) {
        return pipelines.find(Filters.and(Filters.eq("organizationId", organizationId), notDeleted()))
                .map(PipelineDirectory::toView).into(new ArrayList<>());
    }

    public Optional<PipelineView> find(String organizationId, String pipelineId) {
        return Optional.ofNullable(pipelines.find(Filters.and(Filters.eq("_id", pipelineId),
                Filters.eq("organizationId", organizationId), notDeleted())).first()).map(PipelineDirectory::toView);
    }

    /** @return the pipeline that holds the stage, if the organisation has such a stage */
    public Optional<PipelineView> findByStage(String organizationId, String stageId) {
        return Optional.ofNullable(pipelines.find(Filters.and(Filters.eq("organizationId", organizationId),
                Filters.eq("stages.stageId", stageId), notDeleted())).first()).map(PipelineDirectory::toView);
    }

    /** Whether the pipeline was ever created, even if it has been deleted since. */
    public boolean isKnown(String pipelineId) {
        return pipelines.find(Filters.eq("_id", pipelineId)).first() != null;
    }

    @Override
    public String aggregateType() {
        return "pipeline";
    }

    @Override
    public OptionalLong appliedSequence(String pipelineId) {
        Document pipeline = pipelines.find(Filters.eq("_id", pipelineId)).first();
        return pipeline == null ? OptionalLong.empty() : OptionalLong.of(versionOf(pipeline));
    }

    private static Bson notDeleted() {
        return Filters.ne("deleted", true);
    }

    private static long versionOf(Document pipeline) {
        Number version = pipeline.get("version", Number.class);
        return version == null ? 0 : version.longValue();
    }

    private static Document toDocument(PipelineStage stage) {
        return new Document("stageId", stage.stageId())
                .append("name", stage.name())
                .append("order", stage.order())
                .append("rottenAfterDays", stage.rottenAfterDays());
    }

    private static PipelineView toView(Document document) {
        List<PipelineStage> stages = document.getList("stages", Document.class).stream()
                .map(stage -> new PipelineStage(stage.getString("stageId"), stage.getString("name"),
                        stage.getInteger("order"), stage.getInteger("rottenAfterDays")))
                .sorted((a, b) -> Integer.compare(a.order(), b.order()))
                .toList();
        return new PipelineView(document.getString("_id"), document.getString("name"), stages);
    }

    public record PipelineView(String id, String name, List<PipelineStage> stages) {

        public boolean hasStage(String stageId) {
            return stages.stream().anyMatch(stage -> stage.stageId().equals(stageId));
        }
    }
}
