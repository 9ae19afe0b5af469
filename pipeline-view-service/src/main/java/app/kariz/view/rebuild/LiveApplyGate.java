package app.kariz.view.rebuild;

import app.kariz.support.consume.ConsumedEventHandler;
import app.kariz.view.store.ViewGenerations;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets a rebuild switch generations between two events of this instance's live consumer, never during one. The
 * live consumer applies each event holding the read side of a lock, pinned to one generation (the one served
 * when the event first touches the view), so all of one event's writes land in one generation; the rebuild's last catch-up and the switch
 * hold the write side. The lock is fair: once the rebuild asks, the event in flight finishes, and the consumer
 * then waits (it is not polled meanwhile, but the wait is short: see {@link ViewRebuild}).
 */
public final class LiveApplyGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ViewGenerations generations;

    public LiveApplyGate(ViewGenerations generations) {
        this.generations = generations;
    }

    /** {@code handler}, applying each event inside the gate and pinned to one generation. */
    public ConsumedEventHandler guarding(ConsumedEventHandler handler) {
        return event -> {
            lock.readLock().lock();
            try (ViewGenerations.Pin pin = generations.pin()) {
                handler.handle(event);
            } finally {
                lock.readLock().unlock();
            }
        };
    }

    /** Runs {@code work} once no live event is being applied, and keeps new ones waiting until it is done. */
    <T> T closedWhile(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
