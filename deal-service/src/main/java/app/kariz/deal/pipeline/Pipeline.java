package app.kariz.deal.pipeline;

import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineStage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.stream.IntStream;

/** A sales process: ordered stages that are the columns of a board. */
@Aggregate
public class Pipeline {

    @AggregateIdentifier
    private String pipelineId;

    protected Pipeline() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Pipeline(CreatePipeline command) {
        if (command.stages().isEmpty()) {
            throw new IllegalArgumentException("A pipeline needs at least one stage");
        }
        List<PipelineStage> stages = IntStream.range(0, command.stages().size())
                .mapToObj(i -> new PipelineStage(command.stages().get(i).stageId(), command.stages().get(i).name(), i,
                        null))
                .toList();
        AggregateLifecycle.apply(new PipelineCreated(command.organizationId(), command.pipelineId(), command.name(),
                stages, command.at(), command.by()));
    }

    @EventSourcingHandler
    void on(PipelineCreated event) {
        pipelineId = event.pipelineId();
    }
}
