package app.kariz.deal.consistency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Wakes writers waiting for a directory to apply their events. Directories signal after every update; a waiter
 * re-checks its condition then, and at least every {@link #RECHECK} in case the update was applied by another
 * instance of the service (which shares the directory's database but not this signal).
 */
public class AppliedSignal {

    static final Duration RECHECK = Duration.ofMillis(50);

    private final Object monitor = new Object();
    private long generation;

    public void applied() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** @return whether the condition held before the timeout */
    public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                seen = generation;
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            long waitMillis = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), RECHECK.toMillis()));
            synchronized (monitor) {
                if (generation == seen) {
                    monitor.wait(waitMillis);
                }
            }
        }
    }
}
