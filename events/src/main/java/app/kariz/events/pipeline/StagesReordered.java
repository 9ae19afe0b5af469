package app.kariz.events.pipeline;

import java.time.Instant;
import java.util.List;

/** {@code stageOrder} is every stage id of the pipeline, left to right. */
public record StagesReordered(String organizationId, String pipelineId, List<String> stageOrder,
                              Instant reorderedAt, String reorderedBy) implements PipelineEvent {
}
