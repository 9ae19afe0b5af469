package app.kariz.deal.pipeline.web;

import app.kariz.deal.command.DealCommands.RelocateDeal;
import app.kariz.deal.consistency.CommandSender;
import app.kariz.deal.directory.DealDirectory;
import app.kariz.deal.pipeline.command.PipelineCommands.RemoveStage;
import app.kariz.deal.pipeline.directory.PipelineDirectory.PipelineView;
import app.kariz.deal.pipeline.directory.PipelineDirectory;
import app.kariz.events.Position;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Caller;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a stage from a pipeline. Without a target the stage must be empty; with one ({@code moveDealsTo}, another
 * stage of the same pipeline) each of its deals, open or closed, first moves there with a normal {@code DealMoved},
 * so the move is on the deal's timeline, and then the stage is removed.
 *
 * <p>What can be checked before anything moves (the pipeline and stage exist for the caller, the target is valid) is
 * checked first against the directory, so a refused removal moves no deal; the pipeline aggregate checks again
 * against its own state when the stage is removed. If the removal fails half way (e.g. the service stops), the deals
 * already moved stay moved; repeating the request finishes it. See {@link DealDirectory} for the race with deals
 * opened into the stage while it is removed.
 */
class StageRemoval {

    /** Deals may keep arriving on the stage while it is emptied; after this many rounds the removal gives up. */
    static final int MAX_ROUNDS = 3;

    private final CommandSender commands;
    private final PipelineDirectory pipelines;
    private final DealDirectory deals;
    private final Clock clock;

    public StageRemoval(CommandSender commands, PipelineDirectory pipelines, DealDirectory deals, Clock clock) {
        this.commands = commands;
        this.pipelines = pipelines;
        this.deals = deals;
        this.clock = clock;
    }

    /** @return the positions of every event written: the deals' moves and the stage's removal */
    public List<Position> remove(Caller caller, String pipelineId, String stageId, String moveDealsTo) {
        String organizationId = caller.organizationId();
        PipelineView pipeline = pipelines.find(organizationId, pipelineId)
                .orElseThrow(() -> new NotFoundException("No pipeline " + pipelineId));
        if (!pipeline.hasStage(stageId)) {
            throw new NotFoundException("No stage " + stageId + " in pipeline " + pipeline.name());
        }
        if (moveDealsTo != null && (moveDealsTo.equals(stageId) || !pipeline.hasStage(moveDealsTo))) {
            throw new InvalidInputException("moveDealsTo", "must be another stage of the same pipeline");
        }
        List<Position> written = new ArrayList<>();
        List<String> onStage = deals.dealsOnStage(organizationId, stageId);
        for (int round = 1; moveDealsTo != null && !onStage.isEmpty() && round <= MAX_ROUNDS; round++) {
            onStage.forEach(dealId -> written.addAll(relocate(caller, dealId, pipelineId, stageId, moveDealsTo)));
            onStage = deals.dealsOnStage(organizationId, stageId);
        }
        written.addAll(commands.send(new RemoveStage(pipelineId, organizationId, stageId, moveDealsTo,
                onStage.size(), clock.instant(), caller.userId())).positions());
        if (moveDealsTo != null) {
            // Deals that were opened into the stage while it was being emptied.
            deals.dealsOnStage(organizationId, stageId)
                    .forEach(dealId -> written.addAll(relocate(caller, dealId, pipelineId, stageId, moveDealsTo)));
        }
        return written;
    }

    private List<Position> relocate(Caller caller, String dealId, String pipelineId, String stageId, String target) {
        try {
            return commands.send(new RelocateDeal(dealId, caller.organizationId(), stageId, pipelineId, target,
                    clock.instant(), caller.userId())).positions();
        } catch (AggregateNotFoundException deletedMeanwhile) {
            return List.of();
        }
    }
}
