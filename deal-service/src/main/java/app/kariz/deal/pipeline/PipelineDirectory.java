package app.kariz.deal.pipeline;

import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineStage;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipelines and stages deal commands are checked against, kept in the deal service's own database by a
 * tracking processor over its event store (so it can always be rebuilt from the events).
 */
@ProcessingGroup("pipeline-directory")
public class PipelineDirectory {

    private final MongoCollection<Document> pipelines;

    public PipelineDirectory(MongoDatabase database) {
        this.pipelines = database.getCollection("pipelines");
        pipelines.createIndex(Indexes.ascending("organizationId"));
        pipelines.createIndex(Indexes.ascending("organizationId", "stages.stageId"));
    }

    @EventHandler
    void on(PipelineCreated event) {
        Document pipeline = new Document("_id", event.pipelineId())
                .append("organizationId", event.organizationId())
                .append("name", event.name())
                .append("stages", event.stages().stream()
                        .map(stage -> new Document("stageId", stage.stageId())
                                .append("name", stage.name())
                                .append("order", stage.order())
                                .append("rottenAfterDays", stage.rottenAfterDays()))
                        .toList());
        pipelines.replaceOne(Filters.eq("_id", event.pipelineId()), pipeline, new ReplaceOptions().upsert(true));
    }

    public List<PipelineView> all(String organizationId) {
        return pipelines.find(Filters.eq("organizationId", organizationId)).map(PipelineDirectory::toView)
                .into(new ArrayList<>());
    }

    public Optional<PipelineView> find(String organizationId, String pipelineId) {
        return Optional.ofNullable(pipelines.find(Filters.and(Filters.eq("_id", pipelineId),
                Filters.eq("organizationId", organizationId))).first()).map(PipelineDirectory::toView);
    }

    /** @return the pipeline that holds the stage, if the organisation has such a stage */
    public Optional<PipelineView> findByStage(String organizationId, String stageId) {
        return Optional.ofNullable(pipelines.find(Filters.and(Filters.eq("organizationId", organizationId),
                Filters.eq("stages.stageId", stageId))).first()).map(PipelineDirectory::toView);
    }

    private static PipelineView toView(Document document) {
        List<PipelineStage> stages = document.getList("stages", Document.class).stream()
                .map(stage -> new PipelineStage(stage.getString("stageId"), stage.getString("name"),
                        stage.getInteger("order"), stage.getInteger("rottenAfterDays")))
                .toList();
        return new PipelineView(document.getString("_id"), document.getString("name"), stages);
    }

    public record PipelineView(String id, String name, List<PipelineStage> stages) {

        public boolean hasStage(String stageId) {
            return stages.stream().anyMatch(stage -> stage.stageId().equals(stageId));
        }
    }
}
