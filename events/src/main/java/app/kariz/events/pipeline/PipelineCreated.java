package app.kariz.events.pipeline;

import java.time.Instant;
import java.util.List;

public record PipelineCreated(String organizationId, String pipelineId, String name, List<PipelineStage> stages,
                              Instant createdAt, String createdBy) implements PipelineEvent {
}
