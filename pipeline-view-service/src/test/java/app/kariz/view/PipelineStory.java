package app.kariz.view;

import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;
import app.kariz.support.consume.ConsumedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the events of one pipeline as the deal service would publish them, sequence 0, 1, 2, … Each event that
 * changes the stages carries the stage order after it, computed here from the stages so far.
 */
public final class PipelineStory {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private final String organizationId;
    private final String pipelineId;
    private final List<String> stageOrder = new ArrayList<>();
    private long nextSequence;

    public PipelineStory(String organizationId, String pipelineId) {
        this.organizationId = organizationId;
        this.pipelineId = pipelineId;
    }

    public ConsumedEvent created(String name, List<PipelineStage> stages) {
        stages.forEach(stage -> stageOrder.add(stage.stageId()));
        return next(new PipelineCreated(organizationId, pipelineId, name, stages, AT, DealStory.USER));
    }

    public ConsumedEvent renamed(String name) {
        return next(new PipelineRenamed(organizationId, pipelineId, name, AT, DealStory.USER));
    }

    public ConsumedEvent deleted() {
        return next(new PipelineDeleted(organizationId, pipelineId, AT, DealStory.USER));
    }

    public ConsumedEvent stageAdded(String stageId, String name, Integer rottenAfterDays, int position) {
        stageOrder.add(position, stageId);
        return next(new StageAdded(organizationId, pipelineId, stageId, name, rottenAfterDays, List.copyOf(stageOrder),
                AT, DealStory.USER));
    }

    public ConsumedEvent stageUpdated(String stageId, String name, Integer rottenAfterDays) {
        return next(new StageUpdated(organizationId, pipelineId, stageId, name, rottenAfterDays, AT, DealStory.USER));
    }

    public ConsumedEvent reordered(List<String> order) {
        stageOrder.clear();
        stageOrder.addAll(order);
        return next(new StagesReordered(organizationId, pipelineId, List.copyOf(order), AT, DealStory.USER));
    }

    public ConsumedEvent stageRemoved(String stageId, String dealsMovedTo) {
        stageOrder.remove(stageId);
        return next(new StageRemoved(organizationId, pipelineId, stageId, dealsMovedTo, List.copyOf(stageOrder), AT,
                DealStory.USER));
    }

    private ConsumedEvent next(KarizEvent event) {
        return DealStory.consumed(new Position("pipeline", pipelineId, nextSequence++), event);
    }
}
