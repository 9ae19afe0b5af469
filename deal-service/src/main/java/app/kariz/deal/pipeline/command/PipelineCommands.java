package app.kariz.deal.pipeline.command;

import app.kariz.kernel.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** What can be asked of a pipeline. Each command names the organisation it is made in and who makes it, when. */
public final class PipelineCommands {

    private PipelineCommands() {
    }

    public record CreatePipeline(String pipelineId, String organizationId, String name, List<StageDraft> stages,
                                 Instant at, String by) {
    }

    /** A stage to create, with an id chosen by the caller; {@code rottenAfterDays} null: deals never rot. */
    public record StageDraft(String stageId, String name, Integer rottenAfterDays) {
    }

    public record RenamePipeline(@TargetAggregateIdentifier String pipelineId, String organizationId, String name,
                                 Instant at, String by) {
    }

    /** {@code dealsOnPipeline} is how many deals (of any status, not deleted) the caller found on it. */
    public record DeletePipeline(@TargetAggregateIdentifier String pipelineId, String organizationId,
                                 long dealsOnPipeline, Instant at, String by) {
    }

    /** {@code position} is 0-based among the current stages; null puts the stage last. */
    public record AddStage(@TargetAggregateIdentifier String pipelineId, String organizationId, String stageId,
                           String name, Integer rottenAfterDays, Integer position, Instant at, String by) {
    }

    /** {@code rottenAfterDays} changed to null turns rotting off; the name cannot be cleared. */
    public record UpdateStage(@TargetAggregateIdentifier String pipelineId, String organizationId, String stageId,
                              Change<String> name, Change<Integer> rottenAfterDays, Instant at, String by) {

        public UpdateStage {
            name = Change.orKeep(name);
            rottenAfterDays = Change.orKeep(rottenAfterDays);
        }
    }

    public record ReorderStages(@TargetAggregateIdentifier String pipelineId, String organizationId,
                                List<String> stageIds, Instant at, String by) {
    }

    /**
     * {@code dealsOnStage} is how many deals (of any status, not deleted) the caller still found on the stage after
     * moving them to {@code moveDealsTo} (null: no target was named).
     */
    public record RemoveStage(@TargetAggregateIdentifier String pipelineId, String organizationId, String stageId,
                              String moveDealsTo, long dealsOnStage, Instant at, String by) {
    }
}
