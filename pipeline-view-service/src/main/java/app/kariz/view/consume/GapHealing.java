package app.kariz.view.consume;

import app.kariz.events.Position;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.HealBackoff;
import app.kariz.view.consistency.HealRequests;
import app.kariz.view.consistency.OpenGaps;
import app.kariz.view.consistency.OpenGaps.Gap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks again for the missing events of every gap that stays open: first {@code kariz.view.heal.first-retry}
 * after the first request, then doubling up to {@code kariz.view.heal.max-retry}; and, on start, at once for
 * every gap left open by the last run. Instances of the service share the gaps and take turns by claiming each
 * due request, so a gap is asked for once per turn however many instances run.
 */
class GapHealing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GapHealing.class);

    private final OpenGaps gaps;
    private final AppliedPositions positions;
    private final HealRequests heal;
    private final HealBackoff backoff;
    private final Duration checkEvery;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    GapHealing(OpenGaps gaps, AppliedPositions positions, HealRequests heal, HealBackoff backoff, Duration checkEvery,
               Clock clock) {
        this.gaps = gaps;
        this.positions = positions;
        this.heal = heal;
        this.backoff = backoff;
        this.checkEvery = checkEvery;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        gaps.allDue(clock.instant());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gap-healing");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::askAgainWhereDue, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Sends the requests that are due; a failure is logged and the next turn tries again. */
    void askAgainWhereDue() {
        try {
            Instant now = clock.instant();
            for (Gap gap : gaps.due(now)) {
                if (gaps.claimRequest(gap, now, now.plus(backoff.after(gap.requests() + 1)))) {
                    // From what is applied now, which may be beyond where the gap was first seen.
                    long from = positions.appliedSequence(gap.streamKey()) + 1;
                    log.info("Asking again for {}:{} from {} (request {})", gap.aggregateType(), gap.aggregateId(),
                            from, gap.requests() + 2);
                    heal.request(new Position(gap.aggregateType(), gap.aggregateId(), from));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look at the open gaps", e);
        }
    }
}
