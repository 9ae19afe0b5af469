package app.kariz.support.consistency;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Wakes those waiting for a read model (a directory, a view) to apply certain events. The read model signals each
 * event it applied, with its aggregate and sequence; only those waiting for that aggregate wake, and they know from
 * the signal whether their event is applied, without reading the store again. A waiter reads the store once when
 * it starts (the event may be applied already) and again at least every recheck, in case another instance of the
 * service applied it (they share the store but not this signal).
 */
public class AppliedSignal {

    /**
     * Only events another instance applied are found by rechecking (this instance's wake their waiters at once),
     * so it can be rare: each recheck is a read of the directory per waiting writer.
     */
    static final Duration RECHECK = Duration.ofMillis(200);

    private final Duration recheck;
    /** Per aggregate ({@code deal:<id>}) someone waits for: the highest sequence applied since they began. */
    private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** Rechecking every {@link #RECHECK}. */
    public AppliedSignal() {
        this(RECHECK);
    }

    public AppliedSignal(Duration recheck) {
        this.recheck = recheck;
    }

    /** The directory applied the event {@code sequence} of {@code aggregateType:aggregateId}, or had already. */
    public void applied(String aggregateType, String aggregateId, long sequence) {
        Waiting forIt = waiting.get(aggregateType + ":" + aggregateId);
        if (forIt != null) {
            forIt.reached(sequence);
        }
    }

    /**
     * @param appliedInStore whether the directory's store shows the event applied: read when the wait begins and
     *                       on every recheck
     * @return whether the event was applied before the timeout
     */
    public boolean await(String aggregateType, String aggregateId, long sequence, BooleanSupplier appliedInStore,
                         Duration timeout) throws InterruptedException {
        String key = aggregateType + ":" + aggregateId;
        // Registered before the first read, so an event applied between the read and the wait is not missed.
        Waiting forIt = waiting.compute(key, (k, existing) -> (existing == null ? new Waiting() : existing).join());
        try {
            if (appliedInStore.getAsBoolean()) {
                return true;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                long waitMillis = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), recheck.toMillis()));
                if (forIt.awaitReached(sequence, waitMillis) || appliedInStore.getAsBoolean()) {
                    return true;
                }
            }
        } finally {
            waiting.computeIfPresent(key, (k, existing) -> existing.leave() ? null : existing);
        }
    }

    /** Guarded by the map's compute for joining and leaving, by itself for the sequence. */
    private static final class Waiting {

        private int waiters;
        private long highest = -1;

        Waiting join() {
            waiters++;
            return this;
        }

        /** @return whether nobody waits any more */
        boolean leave() {
            return --waiters == 0;
        }

        synchronized void reached(long sequence) {
            if (sequence > highest) {
                highest = sequence;
                notifyAll();
            }
        }

        synchronized boolean awaitReached(long sequence, long waitMillis) throws InterruptedException {
            if (highest < sequence) {
                wait(waitMillis);
            }
            return highest >= sequence;
        }
    }
}
