package app.kariz.gateway.identity.publish;

import app.kariz.gateway.identity.IdentityStore.UnpublishedOrganization;
import app.kariz.gateway.identity.IdentityStore;
import app.kariz.gateway.identity.NewOrganizationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes {@code kariz.organization.created.v1} for every organisation stored with {@code publishedAt: null},
 * then marks it published. A new organisation is published at once ({@link #publishSoon()}); a sweep every
 * {@code sweepInterval} catches whatever failed, so an outage of Kafka delays an organisation's event but never
 * loses it.
 * <p>
 * At least once: a crash between the broker's ack and the mark, or two gateway instances sweeping at the same time,
 * publish an event twice, with the same {@code ce_id}. Consumers are idempotent (the deal service seeds an
 * organisation's pipeline deterministically). One thread per instance, so one instance never races itself.
 */
class OrganizationOutbox implements NewOrganizationListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrganizationOutbox.class);
    private static final int BATCH = 100;

    private final IdentityStore store;
    private final OrganizationPublisher publisher;
    private final Duration sweepInterval;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread outbox = new Thread(runnable, "organization-outbox");
        outbox.setDaemon(true);
        return outbox;
    });

    public OrganizationOutbox(IdentityStore store, OrganizationPublisher publisher, Duration sweepInterval,
                              Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.sweepInterval = sweepInterval;
        this.clock = clock;
    }

    /** Starts the periodic sweep, the first one at once. */
    public void start() {
        thread.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void organizationStored() {
        publishSoon();
    }

    /** Publishes what is unpublished soon, on the outbox's thread. */
    public void publishSoon() {
        try {
            thread.execute(this::sweepQuietly);
        } catch (RejectedExecutionException closing) {
            // Shutting down: the next start's sweep publishes it.
        }
    }

    /**
     * Publishes every unpublished organisation, oldest first, and stops at the first failure (the broker is
     * probably away; the next sweep tries again).
     *
     * @return how many were published
     */
    public int sweep() {
        int published = 0;
        List<UnpublishedOrganization> batch;
        do {
            batch = store.unpublishedOrganizations(BATCH);
            for (UnpublishedOrganization organization : batch) {
                try {
                    publisher.publish(organization);
                } catch (Exception e) {
                    log.warn("Organization {} created event not published yet, will retry: {}",
                            organization.event().organizationId(), e.toString());
                    return published;
                }
                store.markPublished(organization.event().organizationId(), clock.instant());
                published++;
            }
        } while (batch.size() == BATCH);
        return published;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // closing: the next start sweeps again
            }
            // The store itself failed (MongoDB away); the sweep runs again anyway.
            log.warn("Organization outbox sweep failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
