package app.kariz.view.pipeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the {@code pipelines} collection, one organisation at a time. */
public class Pipelines {

    private final MongoCollection<Document> pipelines;

    public Pipelines(MongoCollection<Document> pipelines) {
        this.pipelines = pipelines;
    }

    public Optional<Pipeline> find(String organizationId, String pipelineId) {
        return Optional.ofNullable(pipelines.find(Filters.and(Filters.eq("_id", pipelineId),
                Filters.eq("organizationId", organizationId))).first()).map(Pipelines::toPipeline);
    }

    public List<Pipeline> findAll(String organizationId, Collection<String> pipelineIds) {
        List<Pipeline> found = new ArrayList<>();
        pipelines.find(Filters.and(Filters.in("_id", pipelineIds), Filters.eq("organizationId", organizationId)))
                .forEach(pipeline -> found.add(toPipeline(pipeline)));
        return found;
    }

    private static Pipeline toPipeline(Document pipeline) {
        List<Pipeline.Stage> stages = pipeline.getList("stages", Document.class).stream()
                .map(stage -> new Pipeline.Stage(stage.getString("id"), stage.getString("name"),
                        stage.getInteger("order")))
                .sorted(Comparator.comparingInt(Pipeline.Stage::order))
                .toList();
        return new Pipeline(pipeline.getString("_id"), pipeline.getString("name"), stages);
    }
}
