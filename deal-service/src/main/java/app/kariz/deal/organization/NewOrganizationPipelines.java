package app.kariz.deal.organization;

import app.kariz.events.organization.OrganizationCreated;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;

import java.time.Duration;

/**
 * Gives every new organisation its default {@code Sales} pipeline when its {@code OrganizationCreated} arrives from
 * the gateway. Re-delivery is harmless: the seeding is idempotent. The event counts as handled only once the
 * pipeline is in the directory, so a write that failed for another reason than "already there" is retried by the
 * consumer instead of leaving the organisation without a pipeline.
 */
public class NewOrganizationPipelines implements ConsumedEventHandler {

    private final DefaultPipelineSeeder seeder;
    private final Duration directoryTimeout;

    public NewOrganizationPipelines(DefaultPipelineSeeder seeder, Duration directoryTimeout) {
        this.seeder = seeder;
        this.directoryTimeout = directoryTimeout;
    }

    @Override
    public void handle(ConsumedEvent consumed) {
        if (!(consumed.payload() instanceof OrganizationCreated created)) {
            return;
        }
        seeder.seed(created.organizationId());
        try {
            if (!seeder.awaitInDirectory(created.organizationId(), directoryTimeout)) {
                throw new IllegalStateException("The Sales pipeline of organisation " + created.organizationId()
                        + " is not in the directory yet; the event will be retried");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding organisation " + created.organizationId(), e);
        }
    }
}
