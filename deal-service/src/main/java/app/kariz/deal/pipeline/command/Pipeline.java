package app.kariz.deal.pipeline.command;

import app.kariz.deal.pipeline.command.PipelineCommands.AddStage;
import app.kariz.deal.pipeline.command.PipelineCommands.CreatePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.DeletePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.RemoveStage;
import app.kariz.deal.pipeline.command.PipelineCommands.RenamePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.ReorderStages;
import app.kariz.deal.pipeline.command.PipelineCommands.StageDraft;
import app.kariz.deal.pipeline.command.PipelineCommands.UpdateStage;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import app.kariz.kernel.TextField;
import app.kariz.kernel.access.Reach;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A sales process: ordered stages that are the columns of a board. Names have 1–100 characters of any script;
 * stage names are unique within the pipeline, ignoring case. A pipeline keeps at least one stage, and is deleted
 * or loses a stage only when no deal is left on it (the caller counts them: the stage removal behind the endpoint).
 */
@Aggregate
public class Pipeline {

    public static final int NAME_MAX = 100;
    public static final int ROTTING_MAX_DAYS = 3650;

    @AggregateIdentifier
    private String pipelineId;
    private String organizationId;
    private String name;
    private List<Stage> stages = new ArrayList<>();

    protected Pipeline() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Pipeline(CreatePipeline command) {
        String pipelineName = TextField.required("name", command.name(), NAME_MAX);
        if (command.stages() == null || command.stages().isEmpty()) {
            throw new InvalidInputException("stages", "a pipeline needs at least one stage");
        }
        List<PipelineStage> created = new ArrayList<>();
        for (int i = 0; i < command.stages().size(); i++) {
            StageDraft draft = command.stages().get(i);
            String field = "stages[" + i + "]";
            String stageName = TextField.required(field + ".name", draft.name(), NAME_MAX);
            Integer rotting = rottingDays(field + ".rottenAfterDays", draft.rottenAfterDays());
            for (PipelineStage earlier : created) {
                if (sameName(earlier.name(), stageName)) {
                    throw duplicateStageName(stageName);
                }
            }
            created.add(new PipelineStage(draft.stageId(), stageName, i, rotting));
        }
        AggregateLifecycle.apply(new PipelineCreated(command.organizationId(), command.pipelineId(), pipelineName,
                created, command.at(), command.by()));
    }

    @CommandHandler
    public PipelineDetails handle(RenamePipeline command) {
        ensureInReach(command.organizationId());
        String newName = TextField.required("name", command.name(), NAME_MAX);
        if (!newName.equals(name)) {
            AggregateLifecycle.apply(new PipelineRenamed(organizationId, pipelineId, newName, command.at(),
                    command.by()));
        }
        return details();
    }

    @CommandHandler
    public void handle(DeletePipeline command) {
        ensureInReach(command.organizationId());
        if (command.dealsOnPipeline() > 0) {
            throw new RuleViolationException("The pipeline still holds " + command.dealsOnPipeline()
                    + " deal(s); move or delete them first");
        }
        AggregateLifecycle.apply(new PipelineDeleted(organizationId, pipelineId, command.at(), command.by()));
    }

    @CommandHandler
    public PipelineDetails handle(AddStage command) {
        ensureInReach(command.organizationId());
        String stageName = TextField.required("name", command.name(), NAME_MAX);
        Integer rotting = rottingDays("rottenAfterDays", command.rottenAfterDays());
        int position = command.position() == null ? stages.size() : command.position();
        if (position < 0 || position > stages.size()) {
            throw new InvalidInputException("position", "must be between 0 and " + stages.size());
        }
        ensureUniqueStageName(stageName, null);
        List<String> order = new ArrayList<>(stageIds());
        order.add(position, command.stageId());
        AggregateLifecycle.apply(new StageAdded(organizationId, pipelineId, command.stageId(), stageName, rotting,
                order, command.at(), command.by()));
        return details();
    }

    @CommandHandler
    public PipelineDetails handle(UpdateStage command) {
        ensureInReach(command.organizationId());
        Stage stage = existingStage(command.stageId());
        String newName = stage.name();
        if (command.name().given()) {
            if (command.name().value() == null) {
                throw new InvalidInputException("name", "a stage always has a name; it cannot be cleared");
            }
            newName = TextField.required("name", command.name().value(), NAME_MAX);
            ensureUniqueStageName(newName, stage.stageId());
        }
        Integer newRotting = command.rottenAfterDays().given()
                ? rottingDays("rottenAfterDays", command.rottenAfterDays().value())
                : stage.rottenAfterDays();
        if (!newName.equals(stage.name()) || !Objects.equals(newRotting, stage.rottenAfterDays())) {
            AggregateLifecycle.apply(new StageUpdated(organizationId, pipelineId, stage.stageId(), newName,
                    newRotting, command.at(), command.by()));
        }
        return details();
    }

    @CommandHandler
    public PipelineDetails handle(ReorderStages command) {
        ensureInReach(command.organizationId());
        List<String> requested = command.stageIds() == null ? List.of() : command.stageIds();
        if (requested.size() != stages.size() || !new HashSet<>(requested).equals(new HashSet<>(stageIds()))) {
            throw new InvalidInputException("stageIds", "must name each of the pipeline's " + stages.size()
                    + " stages exactly once");
        }
        if (!requested.equals(stageIds())) {
            AggregateLifecycle.apply(new StagesReordered(organizationId, pipelineId, List.copyOf(requested),
                    command.at(), command.by()));
        }
        return details();
    }

    @CommandHandler
    public PipelineDetails handle(RemoveStage command) {
        ensureInReach(command.organizationId());
        Stage stage = existingStage(command.stageId());
        if (stages.size() == 1) {
            throw new RuleViolationException("A pipeline keeps at least one stage; " + stage.name()
                    + " is its last");
        }
        if (command.moveDealsTo() != null && (command.moveDealsTo().equals(stage.stageId())
                || stages.stream().noneMatch(other -> other.stageId().equals(command.moveDealsTo())))) {
            throw new InvalidInputException("moveDealsTo", "must be another stage of the same pipeline");
        }
        if (command.dealsOnStage() > 0) {
            throw new RuleViolationException("The stage " + stage.name() + " still holds "
                    + command.dealsOnStage() + " deal(s); name a stage to move them to with moveDealsTo");
        }
        List<String> order = new ArrayList<>(stageIds());
        order.remove(stage.stageId());
        AggregateLifecycle.apply(new StageRemoved(organizationId, pipelineId, stage.stageId(),
                command.moveDealsTo(), order, command.at(), command.by()));
        return details();
    }

    @EventSourcingHandler
    void on(PipelineCreated event) {
        pipelineId = event.pipelineId();
        organizationId = event.organizationId();
        name = event.name();
        stages = event.stages().stream()
                .sorted((a, b) -> Integer.compare(a.order(), b.order()))
                .map(stage -> new Stage(stage.stageId(), stage.name(), stage.rottenAfterDays()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @EventSourcingHandler
    void on(PipelineRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(PipelineDeleted event) {
        AggregateLifecycle.markDeleted();
    }

    @EventSourcingHandler
    void on(StageAdded event) {
        stages.add(new Stage(event.stageId(), event.name(), event.rottenAfterDays()));
        arrange(event.stageOrder());
    }

    @EventSourcingHandler
    void on(StageUpdated event) {
        stages.replaceAll(stage -> stage.stageId().equals(event.stageId())
                ? new Stage(stage.stageId(), event.name(), event.rottenAfterDays())
                : stage);
    }

    @EventSourcingHandler
    void on(StagesReordered event) {
        arrange(event.stageOrder());
    }

    @EventSourcingHandler
    void on(StageRemoved event) {
        stages.removeIf(stage -> stage.stageId().equals(event.stageId()));
        arrange(event.stageOrder());
    }

    private void arrange(List<String> order) {
        Map<String, Stage> byId = stages.stream().collect(Collectors.toMap(Stage::stageId, Function.identity()));
        stages = order.stream().map(byId::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** A pipeline is the whole organisation's: every caller of it may reach it. */
    private void ensureInReach(String callerOrganizationId) {
        Reach.organization(callerOrganizationId).require("pipeline", pipelineId, organizationId, null);
    }

    private Stage existingStage(String stageId) {
        return stages.stream().filter(stage -> stage.stageId().equals(stageId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No stage " + stageId + " in pipeline " + name));
    }

    private void ensureUniqueStageName(String candidate, String exceptStageId) {
        for (Stage stage : stages) {
            if (!stage.stageId().equals(exceptStageId) && sameName(stage.name(), candidate)) {
                throw duplicateStageName(candidate);
            }
        }
    }

    private static RuleViolationException duplicateStageName(String stageName) {
        return new RuleViolationException("The pipeline already has a stage named " + stageName
                + "; stage names are unique within a pipeline, ignoring case");
    }

    /** Equal after Unicode compatibility normalisation and ignoring case (e.g. "Lead" and "LEAD"). */
    static boolean sameName(String a, String b) {
        return comparable(a).equals(comparable(b));
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Integer rottingDays(String field, Integer days) {
        if (days != null && (days < 1 || days > ROTTING_MAX_DAYS)) {
            throw new InvalidInputException(field, "must be between 1 and " + ROTTING_MAX_DAYS
                    + " days, or null for never");
        }
        return days;
    }

    private List<String> stageIds() {
        return stages.stream().map(Stage::stageId).toList();
    }

    private PipelineDetails details() {
        Long version = AggregateLifecycle.getVersion();
        return new PipelineDetails(pipelineId, name, IntStream.range(0, stages.size())
                .mapToObj(i -> new PipelineStage(stages.get(i).stageId(), stages.get(i).name(), i,
                        stages.get(i).rottenAfterDays()))
                .toList(), version == null ? 0 : version);
    }

    private record Stage(String stageId, String name, Integer rottenAfterDays) {
    }
}
