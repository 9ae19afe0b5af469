package app.kariz.view.pipeline;

import app.kariz.view.store.ScopedCollection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code pipelines} collection, one organisation at a time. A deleted pipeline stays as a tombstone
 * ({@code deletedAt}) and a removed stage moves to {@code removedStages}: neither is on a board any more, but
 * their names still label the history of deals that were once there.
 */
public class Pipelines {

    private final ScopedCollection pipelines;

    public Pipelines(MongoCollection<Document> pipelines) {
        this.pipelines = new ScopedCollection(pipelines);
    }

    /** The pipeline as it is now; empty when unknown, another organisation's, or deleted. */
    public Optional<Pipeline> find(String organizationId, String pipelineId) {
        return Optional.ofNullable(pipelines.find(organizationId, Filters.eq("_id", pipelineId),
                        Filters.exists("deletedAt", false)).first())
                .map(Pipelines::toPipeline);
    }

    /** The stage's rotting threshold; null when the pipeline or stage is unknown or sets none. */
    public Integer rottenAfterDays(String organizationId, String pipelineId, String stageId) {
        return find(organizationId, pipelineId).stream()
                .flatMap(pipeline -> pipeline.stages().stream())
                .filter(stage -> stage.id().equals(stageId))
                .findFirst()
                .map(Pipeline.Stage::rottenAfterDays)
                .orElse(null);
    }

    /** Stage id to name for the stages these pipelines have or had, deleted pipelines included. */
    public Map<String, String> stageNames(String organizationId, Collection<String> pipelineIds) {
        Map<String, String> names = new HashMap<>();
        pipelines.find(organizationId, Filters.in("_id", pipelineIds))
                .forEach(pipeline -> {
                    stagesOf(pipeline, "removedStages").forEach(stage ->
                            names.put(stage.getString("id"), stage.getString("name")));
                    stagesOf(pipeline, "stages").forEach(stage ->
                            names.put(stage.getString("id"), stage.getString("name")));
                });
        return names;
    }

    private static Pipeline toPipeline(Document pipeline) {
        List<Pipeline.Stage> stages = stagesOf(pipeline, "stages").stream()
                .map(stage -> new Pipeline.Stage(stage.getString("id"), stage.getString("name"),
                        stage.getInteger("order"), stage.getInteger("rottenAfterDays")))
                .sorted(Comparator.comparingInt(Pipeline.Stage::order))
                .toList();
        return new Pipeline(pipeline.getString("_id"), pipeline.getString("name"), stages);
    }

    private static List<Document> stagesOf(Document pipeline, String field) {
        List<Document> stages = pipeline.getList(field, Document.class);
        return stages == null ? List.of() : stages;
    }
}
