package app.kariz.view.rebuild;

import app.kariz.view.rebuild.RebuildStatus.State;
import app.kariz.view.store.ViewGenerations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts rebuilds of the view ({@link ViewRebuild}), one at a time across all instances, each on a thread of
 * its own, and answers what became of them. Metrics: {@code kariz.view.rebuild.duration} (a timer, tag
 * {@code outcome}: {@code switched} or {@code failed}) and {@code kariz.view.rebuild.events.applied}.
 *
 * <p>On start it cleans up after a rebuild an earlier run of some instance left unfinished, unless one is running
 * now (its lock's lease holds): the half-built generation is dropped and the rebuild shown as failed.
 */
class ViewRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    private final ViewGenerations generations;
    private final RebuildRecords records;
    private final RebuildProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Function<ViewRebuilds, ViewRebuild.Tools> tools;
    private volatile ScheduledExecutorService executor;

    ViewRebuilds(ViewGenerations generations, RebuildRecords records, RebuildProperties properties, Clock clock,
                 MeterRegistry meters, Function<ViewRebuilds, ViewRebuild.Tools> tools) {
        this.generations = generations;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.tools = tools;
    }

    /**
     * Starts a rebuild.
     *
     * @throws RebuildRunningException when one is running already, here or in another instance
     */
    public RebuildStatus rebuild() {
        ScheduledExecutorService runner = executor;
        if (runner == null) {
            throw new IllegalStateException("The service is not running");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        OptionalLong served = records.lock(id, now, now.plus(properties.lease()));
        if (served.isEmpty()) {
            throw new RebuildRunningException();
        }
        long from = served.getAsLong();
        try {
            // Whatever an abandoned rebuild left behind goes first; the lock keeps anyone else from starting one.
            records.abandonRunning(id, now);
            generations.dropAllBut(from);
            RebuildStatus status = new RebuildStatus(id, State.RUNNING, now, null, from + 1, 0, null);
            records.started(status);
            ViewRebuild rebuild = new ViewRebuild(tools.apply(this), id, from);
            runner.execute(() -> timed(rebuild, id, from, runner));
            return status;
        } catch (RuntimeException e) {
            records.release(id);
            throw e;
        }
    }

    public Optional<RebuildStatus> find(String id) {
        return records.find(id);
    }

    private void timed(ViewRebuild rebuild, String id, long from, ScheduledExecutorService runner) {
        long started = System.nanoTime();
        rebuild.run();
        State outcome = records.find(id).map(RebuildStatus::status).orElse(State.FAILED);
        Timer.builder("kariz.view.rebuild.duration")
                .description("How long rebuilding the view from the event topics took")
                .tag("outcome", outcome == State.SWITCHED ? "switched" : "failed")
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (outcome == State.SWITCHED) {
            runner.schedule(() -> dropOld(from), properties.dropOldAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void dropOld(long generation) {
        try {
            if (generations.read() != generation) {
                generations.drop(generation);
                log.info("Dropped generation {} of the view", generation);
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop generation {}; the next rebuild or start will", generation, e);
        }
    }

    boolean stopping() {
        return executor == null;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Instant now = clock.instant();
            if (records.isFree(now)) {
                records.abandonRunning(null, now);
                generations.dropAllBut(generations.read());
            }
        } catch (RuntimeException e) {
            log.warn("Could not clean up after earlier rebuilds; the next rebuild will", e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService runner = executor;
        executor = null;
        if (runner != null) {
            runner.shutdownNow();
            try {
                runner.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** A rebuild is running already. */
    public static final class RebuildRunningException extends RuntimeException {
        RebuildRunningException() {
            super("A rebuild of the view is running already; wait until it has switched or failed");
        }
    }
}
