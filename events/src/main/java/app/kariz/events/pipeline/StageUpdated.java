package app.kariz.events.pipeline;

import java.time.Instant;

/** A stage's name or rotting threshold changed; both carry their value after the change. */
public record StageUpdated(String organizationId, String pipelineId, String stageId, String name,
                           Integer rottenAfterDays, Instant updatedAt, String updatedBy) implements PipelineEvent {
}
