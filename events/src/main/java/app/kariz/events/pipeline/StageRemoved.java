package app.kariz.events.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * A stage was removed. Its deals, if it had any, were moved to {@code dealsMovedTo} first (each with its own
 * {@code DealMoved}); {@code stageOrder} is the remaining stage ids, left to right.
 */
public record StageRemoved(String organizationId, String pipelineId, String stageId, String dealsMovedTo,
                           List<String> stageOrder, Instant removedAt, String removedBy) implements PipelineEvent {
}
