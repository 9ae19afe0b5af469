package app.kariz.events.pipeline;

import java.time.Instant;
import java.util.List;

/** A stage was added; {@code stageOrder} is every stage id of the pipeline, left to right, after the change. */
public record StageAdded(String organizationId, String pipelineId, String stageId, String name,
                         Integer rottenAfterDays, List<String> stageOrder, Instant addedAt, String addedBy)
        implements PipelineEvent {
}
