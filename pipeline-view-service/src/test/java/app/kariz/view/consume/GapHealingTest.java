package app.kariz.view.consume;

import app.kariz.events.Position;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.SettableClock;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.HealBackoff;
import app.kariz.view.consistency.OpenGaps;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gap that stays open is asked for again, less and less often, and again at once after a restart. */
class GapHealingTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final HealBackoff BACKOFF = new HealBackoff(Duration.ofSeconds(5), Duration.ofSeconds(30));
    private static final Position MISSING = new Position("deal", "deal-1", 1);

    private static InProcessMongo mongo;
    private final SettableClock clock = new SettableClock(T0);
    private final List<Position> requested = new CopyOnWriteArrayList<>();
    private OpenGaps gaps;
    private AppliedPositions positions;
    private GapHealing healing;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void oneGapFoundAtT0() {
        MongoDatabase database = mongo.freshDatabase("gap_healing");
        gaps = OpenGaps.in(database);
        positions = new AppliedPositions(database.getCollection("positions"), Duration.ofMillis(50));
        positions.recordApplied(new Position("deal", "deal-1", 0));
        gaps.open(MISSING, T0, T0.plus(BACKOFF.after(0)));
        healing = new GapHealing(gaps, positions, requested::add, BACKOFF, Duration.ofMillis(20), clock);
    }

    @Test
    void anOpenGapIsAskedForAgainAfterABackOffThatDoublesUpToItsCap() {
        List<Integer> secondsAfterT0 = List.of(4, 5, 9, 14, 15, 34, 35, 64, 65, 94, 95);

        List<Integer> askedAt = secondsAfterT0.stream().filter(seconds -> {
            clock.set(T0.plusSeconds(seconds));
            int before = requested.size();
            healing.askAgainWhereDue();
            return requested.size() > before;
        }).toList();

        assertThat(askedAt).containsExactly(5, 15, 35, 65, 95);
        assertThat(requested).allSatisfy(request -> assertThat(request).isEqualTo(MISSING));
    }

    @Test
    void itAsksFromWhatIsAppliedNow() {
        positions.recordApplied(new Position("deal", "deal-1", 3));
        clock.set(T0.plusSeconds(5));

        healing.askAgainWhereDue();

        assertThat(requested).containsExactly(new Position("deal", "deal-1", 4));
    }

    @Test
    void aClosedGapIsNotAskedForAgain() {
        gaps.close(MISSING.streamKey());
        clock.set(T0.plusSeconds(60));

        healing.askAgainWhereDue();

        assertThat(requested).isEmpty();
    }

    @Test
    void onStartEveryGapStillOpenIsAskedForAtOnce() {
        healing.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !requested.isEmpty());
        } finally {
            healing.stop();
        }

        assertThat(requested).first().isEqualTo(MISSING);
    }
}
