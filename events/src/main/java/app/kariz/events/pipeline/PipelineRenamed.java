package app.kariz.events.pipeline;

import java.time.Instant;

public record PipelineRenamed(String organizationId, String pipelineId, String name, Instant renamedAt,
                              String renamedBy) implements PipelineEvent {
}
