package app.kariz.deal.pipeline;

import java.time.Instant;
import java.util.List;

public record CreatePipeline(String pipelineId, String organizationId, String name, List<StageDraft> stages,
                             Instant at, String by) {

    public record StageDraft(String stageId, String name) {
    }
}
