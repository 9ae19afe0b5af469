package app.kariz.deal.pipeline.web;

import app.kariz.deal.consistency.CommandSender;
import app.kariz.deal.directory.DealDirectory;
import app.kariz.deal.pipeline.command.PipelineCommands.AddStage;
import app.kariz.deal.pipeline.command.PipelineCommands.CreatePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.DeletePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.RenamePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.ReorderStages;
import app.kariz.deal.pipeline.command.PipelineCommands.StageDraft;
import app.kariz.deal.pipeline.command.PipelineCommands.UpdateStage;
import app.kariz.deal.pipeline.command.PipelineDetails;
import app.kariz.deal.pipeline.directory.PipelineDirectory.PipelineView;
import app.kariz.deal.pipeline.directory.PipelineDirectory;
import app.kariz.deal.pipeline.web.PipelineRequests.AddStageRequest;
import app.kariz.deal.pipeline.web.PipelineRequests.CreatePipelineRequest;
import app.kariz.deal.pipeline.web.PipelineRequests.RenamePipelineRequest;
import app.kariz.deal.pipeline.web.PipelineRequests.StageOrderRequest;
import app.kariz.deal.pipeline.web.PipelineRequests.UpdateStageRequest;
import app.kariz.events.Position;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Caller;
import app.kariz.support.eventstore.WrittenPositions.Written;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Pipelines and their stages, always within the caller's organisation: another organisation's pipeline answers
 * 404 exactly like an unknown one. Everyone reads them; only admins change them (403 for the others, which the
 * gateway already refuses). Writes answer once the pipeline directory (which deal commands are checked
 * against) has applied them.
 */
@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineController {

    private final CommandSender commands;
    private final PipelineDirectory pipelines;
    private final DealDirectory deals;
    private final StageRemoval stageRemoval;
    private final Clock clock;

    public PipelineController(CommandSender commands, PipelineDirectory pipelines, DealDirectory deals,
                              StageRemoval stageRemoval, Clock clock) {
        this.commands = commands;
        this.pipelines = pipelines;
        this.deals = deals;
        this.stageRemoval = stageRemoval;
        this.clock = clock;
    }

    @GetMapping
    public List<PipelineResponse> pipelines(Caller caller) {
        return pipelines.all(caller.organizationId()).stream()
                .sorted(Comparator.comparing(PipelineView::name))
                .map(PipelineResponse::of)
                .toList();
    }

    @GetMapping("/{pipelineId}")
    public PipelineResponse pipeline(@PathVariable String pipelineId, Caller caller) {
        return pipelines.find(caller.organizationId(), pipelineId).map(PipelineResponse::of)
                .orElseThrow(() -> new NotFoundException("No pipeline " + pipelineId));
    }

    @PostMapping
    public ResponseEntity<PipelineResponse> create(@Valid @RequestBody CreatePipelineRequest request,
                                                   Caller caller) {
        caller.requireAdmin();
        String pipelineId = UUID.randomUUID().toString();
        List<StageDraft> stages = request.stages().stream()
                .map(stage -> new StageDraft(UUID.randomUUID().toString(), stage.name(), stage.rottenAfterDays()))
                .toList();
        Written<Object> written = commands.send(new CreatePipeline(pipelineId, caller.organizationId(),
                request.name(), stages, clock.instant(), caller.userId()));
        PipelineResponse created = new PipelineResponse(pipelineId, request.name(), IntStream.range(0, stages.size())
                .mapToObj(i -> new StageResponse(stages.get(i).stageId(), stages.get(i).name(), i,
                        stages.get(i).rottenAfterDays()))
                .toList());
        return withPositions(ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipelineId)),
                written.positions()).body(created);
    }

    @PatchMapping("/{pipelineId}")
    public ResponseEntity<PipelineResponse> rename(@PathVariable String pipelineId,
                                                   @Valid @RequestBody RenamePipelineRequest request, Caller caller) {
        caller.requireAdmin();
        Written<PipelineDetails> written = commands.send(new RenamePipeline(pipelineId, caller.organizationId(),
                request.name(), clock.instant(), caller.userId()));
        return withPositions(ResponseEntity.ok(), written.positions()).body(PipelineResponse.of(written.result()));
    }

    /** 409 while any deal, open or closed, is on the pipeline. */
    @DeleteMapping("/{pipelineId}")
    public ResponseEntity<Void> delete(@PathVariable String pipelineId, Caller caller) {
        caller.requireAdmin();
        long dealsOnPipeline = deals.countOnPipeline(caller.organizationId(), pipelineId);
        Written<Object> written = commands.send(new DeletePipeline(pipelineId, caller.organizationId(),
                dealsOnPipeline, clock.instant(), caller.userId()));
        ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent();
        addPositions(response, written.positions());
        return response.build();
    }

    @PostMapping("/{pipelineId}/stages")
    public ResponseEntity<StageResponse> addStage(@PathVariable String pipelineId,
                                                  @Valid @RequestBody AddStageRequest request, Caller caller) {
        caller.requireAdmin();
        String stageId = UUID.randomUUID().toString();
        Written<PipelineDetails> written = commands.send(new AddStage(pipelineId, caller.organizationId(), stageId,
                request.name(), request.rottenAfterDays(), request.position(), clock.instant(), caller.userId()));
        return withPositions(ResponseEntity.created(
                URI.create("/api/v1/pipelines/" + pipelineId + "/stages/" + stageId)), written.positions())
                .body(stageOf(written.result(), stageId));
    }

    @PatchMapping("/{pipelineId}/stages/{stageId}")
    public ResponseEntity<StageResponse> updateStage(@PathVariable String pipelineId, @PathVariable String stageId,
                                                     @Valid @RequestBody UpdateStageRequest request, Caller caller) {
        caller.requireAdmin();
        Written<PipelineDetails> written = commands.send(new UpdateStage(pipelineId, caller.organizationId(),
                stageId, request.name(), request.rottenAfterDays(), clock.instant(), caller.userId()));
        return withPositions(ResponseEntity.ok(), written.positions()).body(stageOf(written.result(), stageId));
    }

    @PutMapping("/{pipelineId}/stage-order")
    public ResponseEntity<PipelineResponse> reorderStages(@PathVariable String pipelineId,
                                                          @Valid @RequestBody StageOrderRequest request,
                                                          Caller caller) {
        caller.requireAdmin();
        Written<PipelineDetails> written = commands.send(new ReorderStages(pipelineId, caller.organizationId(),
                request.stageIds(), clock.instant(), caller.userId()));
        return withPositions(ResponseEntity.ok(), written.positions()).body(PipelineResponse.of(written.result()));
    }

    /** 409 while deals are on the stage and no {@code moveDealsTo} names where they should go. */
    @DeleteMapping("/{pipelineId}/stages/{stageId}")
    public ResponseEntity<Void> removeStage(@PathVariable String pipelineId, @PathVariable String stageId,
                                            @RequestParam(required = false) String moveDealsTo, Caller caller) {
        caller.requireAdmin();
        String target = moveDealsTo == null || moveDealsTo.isBlank() ? null : moveDealsTo.strip();
        List<Position> written = stageRemoval.remove(caller, pipelineId, stageId, target);
        ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent();
        addPositions(response, written);
        return response.build();
    }

    private static StageResponse stageOf(PipelineDetails pipeline, String stageId) {
        return pipeline.stage(stageId).map(StageResponse::of)
                .orElseThrow(() -> new IllegalStateException("Stage " + stageId + " is not in " + pipeline.id()));
    }

    private static ResponseEntity.BodyBuilder withPositions(ResponseEntity.BodyBuilder response,
                                                           List<Position> written) {
        addPositions(response, written);
        return response;
    }

    /** {@code Kariz-Position}: what the write stored, for the gateway's read-your-writes. */
    private static void addPositions(ResponseEntity.HeadersBuilder<?> response, List<Position> written) {
        if (!written.isEmpty()) {
            response.header(Position.WRITTEN_HEADER, Position.format(written));
        }
    }

    public record PipelineResponse(String id, String name, List<StageResponse> stages) {

        static PipelineResponse of(PipelineView pipeline) {
            return new PipelineResponse(pipeline.id(), pipeline.name(),
                    pipeline.stages().stream().map(StageResponse::of).toList());
        }

        static PipelineResponse of(PipelineDetails pipeline) {
            return new PipelineResponse(pipeline.id(), pipeline.name(),
                    pipeline.stages().stream().map(StageResponse::of).toList());
        }
    }

    /** {@code rottenAfterDays} null: deals on the stage never rot. */
    public record StageResponse(String id, String name, int order, Integer rottenAfterDays) {

        static StageResponse of(PipelineStage stage) {
            return new StageResponse(stage.stageId(), stage.name(), stage.order(), stage.rottenAfterDays());
        }
    }
}
