package app.kariz.events.pipeline;

import app.kariz.events.KarizEvent;

/** Events of a pipeline, on topic {@code kariz.pipelines.v1}, keyed by pipeline id. */
public sealed interface PipelineEvent extends KarizEvent
        permits PipelineCreated, PipelineRenamed, PipelineDeleted, StageAdded, StageUpdated, StagesReordered,
                StageRemoved {

    String pipelineId();
}
