package app.kariz.support.consistency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedSignalTest {

    private final AppliedSignal signal = new AppliedSignal();

    @Test
    void anEventTheStoreShowsAppliedNeedsNoWaiting() throws InterruptedException {
        assertThat(signal.await("deal", "d-1", 3, () -> true, Duration.ZERO)).isTrue();
    }

    @Test
    void anEventNeverAppliedTimesOut() throws InterruptedException {
        long started = System.nanoTime();

        assertThat(signal.await("deal", "d-1", 3, () -> false, Duration.ofMillis(120))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aWaiterWakesOnTheSignalOfItsEventWithoutReadingTheStoreAgain() throws Exception {
        AtomicInteger storeReads = new AtomicInteger();
        CountDownLatch firstRead = new CountDownLatch(1);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.await("deal", "d-1", 3, () -> {
                    storeReads.incrementAndGet();
                    firstRead.countDown();
                    return false;
                }, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();

        signal.applied("deal", "d-1", 3);

        assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
        // The first read, and at most a recheck that happened to fall due before the signal.
        assertThat(storeReads.get()).isBetween(1, 2);
    }

    @Test
    void signalsOfOtherAggregatesOrEarlierEventsDoNotEndTheWait() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        AtomicBoolean appliedElsewhere = new AtomicBoolean();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.await("deal", "d-1", 3, () -> {
                    firstRead.countDown();
                    return appliedElsewhere.get();
                }, Duration.ofMillis(400));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();

        signal.applied("deal", "d-2", 3);
        signal.applied("pipeline", "d-1", 3);
        signal.applied("deal", "d-1", 2);

        assertThat(waited.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void anEventAppliedByAnotherInstanceIsFoundByTheRecheck() throws Exception {
        AtomicBoolean appliedByOtherInstance = new AtomicBoolean();
        CountDownLatch firstRead = new CountDownLatch(1);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.await("deal", "d-1", 3, () -> {
                    firstRead.countDown();
                    return appliedByOtherInstance.get();
                }, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();

        appliedByOtherInstance.set(true); // no signal here: another instance's directory applied it

        assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
