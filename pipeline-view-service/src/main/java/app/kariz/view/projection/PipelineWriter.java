package app.kariz.view.projection;

import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineEvent;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;
import app.kariz.view.store.BsonValues;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps {@code pipelines}: the board's columns. A pipeline's events form one stream, so each is applied to the
 * document as last written: read it, compute the next version, and replace it only if nobody replaced it in
 * between (else the event fails and the consumer retries it against the newer document). The document records
 * the sequence it has applied ({@code seq}); older events are skipped.
 *
 * <p>Deleting a pipeline leaves a tombstone ({@code deletedAt}) and removing a stage moves it to
 * {@code removedStages}, so that late duplicates cannot bring them back and timelines can still name them.
 */
final class PipelineWriter {

    static final String SEQUENCE = "seq";
    private static final Logger log = LoggerFactory.getLogger(PipelineWriter.class);

    private final MongoCollection<Document> pipelines;

    PipelineWriter(MongoCollection<Document> pipelines) {
        this.pipelines = pipelines;
    }

    void apply(PipelineEvent event, long sequence) {
        Document current = pipelines.find(Filters.eq("_id", event.pipelineId())).first();
        long applied = appliedSequence(current);
        if (sequence <= applied) {
            return;
        }
        Document next = next(current == null ? empty(event) : copy(current), event);
        if (next == null) {
            log.warn("Ignoring {}: not a pipeline event this view knows", event.getClass().getName());
            return;
        }
        next.put("organizationId", event.organizationId());
        next.put(SEQUENCE, sequence);
        write(current, next);
    }

    /**
     * Documents written before pipelines had more than one event carry no sequence; they can only have applied
     * {@code PipelineCreated}, which is always 0.
     */
    private static long appliedSequence(Document current) {
        if (current == null) {
            return -1;
        }
        Number sequence = current.get(SEQUENCE, Number.class);
        return sequence == null ? 0 : sequence.longValue();
    }

    private static Document next(Document pipeline, PipelineEvent event) {
        if (event instanceof PipelineCreated created) {
            return new Document("_id", created.pipelineId())
                    .append("name", created.name())
                    .append("stages", created.stages().stream()
                            .sorted(Comparator.comparingInt(PipelineStage::order))
                            .map(stage -> stage(stage.stageId(), stage.name(), stage.order(), stage.rottenAfterDays()))
                            .toList())
                    .append("removedStages", List.of())
                    .append("createdAt", BsonValues.date(created.createdAt()));
        }
        if (event instanceof PipelineRenamed renamed) {
            return pipeline.append("name", renamed.name());
        }
        if (event instanceof PipelineDeleted deleted) {
            return pipeline.append("deletedAt", BsonValues.date(deleted.deletedAt()))
                    .append("deletedBy", deleted.deletedBy());
        }
        if (event instanceof StageAdded added) {
            List<Document> stages = stages(pipeline, "stages");
            stages.removeIf(stage -> added.stageId().equals(stage.getString("id")));
            stages.add(stage(added.stageId(), added.name(), stages.size(), added.rottenAfterDays()));
            return pipeline.append("stages", inOrder(stages, added.stageOrder()));
        }
        if (event instanceof StageUpdated updated) {
            List<Document> stages = stages(pipeline, "stages");
            stages.stream().filter(stage -> updated.stageId().equals(stage.getString("id"))).forEach(stage -> stage
                    .append("name", updated.name() == null ? stage.getString("name") : updated.name())
                    .append("rottenAfterDays", updated.rottenAfterDays()));
            return pipeline.append("stages", stages);
        }
        if (event instanceof StagesReordered reordered) {
            return pipeline.append("stages", inOrder(stages(pipeline, "stages"), reordered.stageOrder()));
        }
        if (event instanceof StageRemoved removed) {
            List<Document> stages = stages(pipeline, "stages");
            List<Document> removedStages = stages(pipeline, "removedStages");
            stages.stream().filter(stage -> removed.stageId().equals(stage.getString("id"))).findFirst()
                    .ifPresent(stage -> removedStages.add(new Document("id", stage.getString("id"))
                            .append("name", stage.getString("name"))
                            .append("removedAt", BsonValues.date(removed.removedAt()))));
            stages.removeIf(stage -> removed.stageId().equals(stage.getString("id")));
            return pipeline.append("stages", inOrder(stages, removed.stageOrder()))
                    .append("removedStages", removedStages);
        }
        return null;
    }

    /**
     * Numbers the stages as {@code stageOrder} lists them. A stage the list leaves out keeps its place after the
     * listed ones, and an id the pipeline does not have is skipped: this view never invents a column.
     */
    private static List<Document> inOrder(List<Document> stages, List<String> stageOrder) {
        List<String> order = stageOrder == null ? List.of() : stageOrder;
        List<Document> sorted = new ArrayList<>(stages);
        sorted.sort(Comparator
                .comparingInt((Document stage) -> {
                    int index = order.indexOf(stage.getString("id"));
                    return index < 0 ? Integer.MAX_VALUE : index;
                })
                .thenComparingInt(stage -> stage.getInteger("order", Integer.MAX_VALUE)));
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).put("order", i);
        }
        return sorted;
    }

    private void write(Document current, Document next) {
        if (current == null) {
            try {
                pipelines.insertOne(next);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw new ConcurrentPipelineChange(next.getString("_id"));
                }
                throw e;
            }
        }
        Bson unchanged = current.containsKey(SEQUENCE)
                ? Filters.eq(SEQUENCE, current.get(SEQUENCE))
                : Filters.exists(SEQUENCE, false);
        if (pipelines.replaceOne(Filters.and(Filters.eq("_id", current.get("_id")), unchanged), next)
                .getMatchedCount() == 0) {
            throw new ConcurrentPipelineChange(next.getString("_id"));
        }
    }

    private static Document empty(PipelineEvent event) {
        return new Document("_id", event.pipelineId()).append("stages", List.of()).append("removedStages", List.of());
    }

    private static Document copy(Document pipeline) {
        Document copy = new Document(pipeline);
        copy.put("stages", stages(pipeline, "stages"));
        copy.put("removedStages", stages(pipeline, "removedStages"));
        return copy;
    }

    /** A mutable deep copy of the stage list, so the document as read stays what the write compares against. */
    private static List<Document> stages(Document pipeline, String field) {
        List<Document> stages = pipeline.getList(field, Document.class);
        List<Document> copy = new ArrayList<>();
        if (stages != null) {
            stages.forEach(stage -> copy.add(new Document(stage)));
        }
        return copy;
    }

    private static Document stage(String id, String name, int order, Integer rottenAfterDays) {
        return new Document("id", id).append("name", name).append("order", order)
                .append("rottenAfterDays", rottenAfterDays);
    }

    /** Another writer replaced the pipeline after it was read; applying the event again reads the newer one. */
    static final class ConcurrentPipelineChange extends RuntimeException {
        ConcurrentPipelineChange(String pipelineId) {
            super("Pipeline " + pipelineId + " changed while an event was applied to it");
        }
    }
}
