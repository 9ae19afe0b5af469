package app.kariz.deal.consistency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedSignalTest {

    private final AppliedSignal signal = new AppliedSignal();

    @Test
    void aConditionThatAlreadyHoldsNeedsNoWaiting() throws InterruptedException {
        assertThat(signal.await(() -> true, Duration.ZERO)).isTrue();
    }

    @Test
    void aConditionThatNeverHoldsTimesOut() throws InterruptedException {
        long started = System.nanoTime();

        assertThat(signal.await(() -> false, Duration.ofMillis(120))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aWaiterWakesWhenTheConditionIsAppliedAndSignalled() throws Exception {
        AtomicBoolean applied = new AtomicBoolean();
        CountDownLatch checkedOnce = new CountDownLatch(1);
        Thread directory = new Thread(() -> {
            try {
                checkedOnce.await();
            } catch (InterruptedException e) {
                return;
            }
            applied.set(true);
            signal.applied();
        });
        directory.start();

        boolean result = signal.await(() -> {
            checkedOnce.countDown();
            return applied.get();
        }, Duration.ofSeconds(30));

        assertThat(result).isTrue();
        directory.join();
    }
}
