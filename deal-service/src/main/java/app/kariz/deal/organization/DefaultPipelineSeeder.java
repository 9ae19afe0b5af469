package app.kariz.deal.organization;

import app.kariz.deal.pipeline.command.PipelineCommands.CreatePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.StageDraft;
import app.kariz.deal.pipeline.directory.PipelineDirectory;
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
 * Gives an organisation its default {@code Sales} pipeline: the demo organisation at startup, and every organisation
 * created later when its {@code OrganizationCreated} arrives ({@code app.kariz.deal.organization}). Ids derive from
 * the organisation, so seeding is idempotent across restarts, re-delivered events and several instances at once:
 * the second creation of the same aggregate is refused by the event store and ignored here. Startup waits until
 * the demo pipeline is in the directory, so the service never reports ready without a pipeline to put deals on. A
 * Sales pipeline the organisation has deleted stays deleted.
 */
public class DefaultPipelineSeeder implements ApplicationRunner {

    static final String NAME = "Sales";
    static final List<String> STAGES = List.of("Qualified", "Contact made", "Proposal made", "Negotiation");
    private static final Logger log = LoggerFactory.getLogger(DefaultPipelineSeeder.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final CommandGateway commands;
    private final PipelineDirectory directory;
    private final Clock clock;
    private final String demoOrganizationId;

    public DefaultPipelineSeeder(CommandGateway commands, PipelineDirectory directory, Clock clock,
                                 String demoOrganizationId) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
        this.demoOrganizationId = demoOrganizationId;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        seed(demoOrganizationId);
        if (!awaitInDirectory(demoOrganizationId, READY_TIMEOUT)) {
            throw new IllegalStateException("The seeded pipeline did not reach the directory in time");
        }
    }

    /** Creates the organisation's Sales pipeline unless it ever had it; safe to repeat and to run concurrently. */
    public void seed(String organizationId) {
        String pipelineId = pipelineId(organizationId);
        if (directory.isKnown(pipelineId)) {
            return;
        }
        List<StageDraft> stages = STAGES.stream()
                .map(name -> new StageDraft(derivedId(organizationId, "stage:" + name), name, null))
                .toList();
        try {
            commands.sendAndWait(new CreatePipeline(pipelineId, organizationId, NAME, stages, clock.instant(),
                    "system"));
            log.info("Seeded the Sales pipeline {} for organisation {}", pipelineId, organizationId);
        } catch (AggregateStreamCreationException | ConcurrencyException | EventStoreException alreadySeeded) {
            log.debug("The Sales pipeline of {} was already seeded", organizationId, alreadySeeded);
        }
    }

    /**
     * Waits until the organisation's Sales pipeline is in the directory: the proof that it was seeded, whichever
     * instance or attempt did it.
     *
     * @return whether it got there within the timeout
     */
    public boolean awaitInDirectory(String organizationId, Duration timeout) throws InterruptedException {
        String pipelineId = pipelineId(organizationId);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!directory.isKnown(pipelineId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    static String pipelineId(String organizationId) {
        return derivedId(organizationId, "pipeline");
    }

    private static String derivedId(String organizationId, String what) {
        return UUID.nameUUIDFromBytes(("kariz:" + organizationId + ":default-" + what)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
