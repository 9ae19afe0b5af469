package app.kariz.deal.pipeline.web;

import app.kariz.deal.pipeline.command.Pipeline;
import app.kariz.kernel.Change;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Request bodies of the pipeline endpoints; syntax is checked here, business rules (unique stage names, at least
 * one stage, permutations) in the {@link Pipeline} aggregate.
 */
final class PipelineRequests {

    private PipelineRequests() {
    }

    record CreatePipelineRequest(@NotBlank @Size(max = Pipeline.NAME_MAX) String name,
                                 @NotEmpty List<@NotNull @Valid StageRequest> stages) {
    }

    record StageRequest(@NotBlank @Size(max = Pipeline.NAME_MAX) String name,
                        @Min(1) @Max(Pipeline.ROTTING_MAX_DAYS) Integer rottenAfterDays) {
    }

    record RenamePipelineRequest(@NotBlank @Size(max = Pipeline.NAME_MAX) String name) {
    }

    /** {@code position} is 0-based; without it the stage goes last. */
    record AddStageRequest(@NotBlank @Size(max = Pipeline.NAME_MAX) String name,
                           @Min(1) @Max(Pipeline.ROTTING_MAX_DAYS) Integer rottenAfterDays,
                           @Min(0) Integer position) {
    }

    /** A partial update: an absent field is kept, {@code "rottenAfterDays": null} turns rotting off. */
    record UpdateStageRequest(Change<String> name, Change<Integer> rottenAfterDays) {
    }

    record StageOrderRequest(@NotNull List<@NotBlank String> stageIds) {
    }
}
