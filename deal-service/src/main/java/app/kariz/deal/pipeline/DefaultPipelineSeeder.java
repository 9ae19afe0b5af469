package app.kariz.deal.pipeline;

import app.kariz.deal.pipeline.PipelineCommands.CreatePipeline;
import app.kariz.deal.pipeline.PipelineCommands.StageDraft;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Gives the demo organisation its {@code Sales} pipeline. Ids derive from the organisation, so seeding is
 * idempotent across restarts and across several instances starting at once: the second creation of the
 * same aggregate is refused by the event store and ignored here. Startup waits until the pipeline is in
 * the directory, so the service never reports ready without a pipeline to put deals on. A Sales pipeline the
 * organisation has deleted stays deleted.
 */
public class DefaultPipelineSeeder implements ApplicationRunner {

    static final List<String> STAGES = List.of("Qualified", "Contact made", "Proposal made", "Negotiation");
    private static final Logger log = LoggerFactory.getLogger(DefaultPipelineSeeder.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final CommandGateway commands;
    private final PipelineDirectory directory;
    private final Clock clock;
    private final String organizationId;

    public DefaultPipelineSeeder(CommandGateway commands, PipelineDirectory directory, Clock clock,
                                 String organizationId) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
        this.organizationId = organizationId;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        String pipelineId = derivedId("pipeline");
        if (!directory.isKnown(pipelineId)) {
            List<StageDraft> stages = STAGES.stream()
                    .map(name -> new StageDraft(derivedId("stage:" + name), name, null))
                    .toList();
            try {
                commands.sendAndWait(new CreatePipeline(pipelineId, organizationId, "Sales", stages,
                        clock.instant(), "system"));
                log.info("Seeded the Sales pipeline {} for organisation {}", pipelineId, organizationId);
            } catch (AggregateStreamCreationException | ConcurrencyException | EventStoreException alreadySeeded) {
                log.debug("The Sales pipeline was already seeded", alreadySeeded);
            }
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!directory.isKnown(pipelineId)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The seeded pipeline did not reach the directory in time");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private String derivedId(String what) {
        return UUID.nameUUIDFromBytes(("kariz:" + organizationId + ":default-" + what)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
