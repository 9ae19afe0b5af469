package app.kariz.view.projection;

import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineEvent;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Comparator;

/** Keeps {@code pipelines}: the board's columns. */
final class PipelineWriter {

    private final MongoCollection<Document> pipelines;

    PipelineWriter(MongoCollection<Document> pipelines) {
        this.pipelines = pipelines;
    }

    void apply(PipelineEvent event) {
        if (event instanceof PipelineCreated created) {
            Document pipeline = new Document("_id", created.pipelineId())
                    .append("organizationId", created.organizationId())
                    .append("name", created.name())
                    .append("stages", created.stages().stream()
                            .sorted(Comparator.comparingInt(stage -> stage.order()))
                            .map(stage -> new Document("id", stage.stageId())
                                    .append("name", stage.name())
                                    .append("order", stage.order()))
                            .toList())
                    .append("createdAt", BsonValues.date(created.createdAt()));
            pipelines.replaceOne(Filters.eq("_id", created.pipelineId()), pipeline, new ReplaceOptions().upsert(true));
        }
    }
}
