package app.kariz.gateway.consistency;

import app.kariz.events.Position;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SeenPositionsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final SeenPositions seen = new SeenPositions(Duration.ofSeconds(60), 3, ticker);

    @Test
    void keepsTheHighestSequencePerAggregate() {
        seen.remember("client", List.of(new Position("deal", "d-1", 4), new Position("activity", "a-1", 0)));
        seen.remember("client", List.of(new Position("deal", "d-1", 2)));

        assertThat(seen.recalled("client"))
                .containsExactly(new Position("activity", "a-1", 0), new Position("deal", "d-1", 4));
    }

    @Test
    void keepsEachClientsPositionsApart() {
        seen.remember("client", List.of(new Position("deal", "d-1", 4)));

        assertThat(seen.recalled("another client")).isEmpty();
    }

    @Test
    void forgetsAPositionOnceTheWindowHasPassedSinceItWasSeen() {
        seen.remember("client", List.of(new Position("deal", "d-1", 0)));
        advance(Duration.ofSeconds(40));
        seen.remember("client", List.of(new Position("deal", "d-2", 0)));

        advance(Duration.ofSeconds(21));

        assertThat(seen.recalled("client")).containsExactly(new Position("deal", "d-2", 0));
    }

    @Test
    void aNewerSequenceRestartsTheWindow() {
        seen.remember("client", List.of(new Position("deal", "d-1", 0)));
        advance(Duration.ofSeconds(40));
        seen.remember("client", List.of(new Position("deal", "d-1", 1)));

        advance(Duration.ofSeconds(40));

        assertThat(seen.recalled("client")).containsExactly(new Position("deal", "d-1", 1));
    }

    @Test
    void recallsTheMostRecentlyWrittenFirst() {
        seen.remember("client", List.of(new Position("deal", "d-1", 0)));
        seen.remember("client", List.of(new Position("deal", "d-2", 0), new Position("activity", "a-1", 3)));
        seen.remember("client", List.of(new Position("deal", "d-1", 1)));

        assertThat(seen.recalled("client")).containsExactly(new Position("deal", "d-1", 1),
                new Position("activity", "a-1", 3), new Position("deal", "d-2", 0));
    }

    @Test
    void anOlderSequenceSeenLateChangesNothing() {
        seen.remember("client", List.of(new Position("deal", "d-1", 5)));
        seen.remember("client", List.of(new Position("deal", "d-2", 0)));
        advance(Duration.ofSeconds(40));
        seen.remember("client", List.of(new Position("deal", "d-1", 4)));

        advance(Duration.ofSeconds(21));

        assertThat(seen.recalled("client")).isEmpty();
    }

    @Test
    void remembersABoundedNumberOfAggregatesPerClientForgettingTheOldestFirst() {
        for (int i = 0; i < 50; i++) {
            seen.remember("client", List.of(new Position("deal", "d-" + i, i)));
        }

        assertThat(seen.recalled("client")).containsExactly(new Position("deal", "d-49", 49),
                new Position("deal", "d-48", 48), new Position("deal", "d-47", 47));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
