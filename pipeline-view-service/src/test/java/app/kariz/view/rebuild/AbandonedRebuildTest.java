package app.kariz.view.rebuild;

import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.SettableClock;
import app.kariz.view.rebuild.RebuildStatus.State;
import app.kariz.view.store.ViewGenerations;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild whose instance stopped before the switch (its lock's lease runs out, nothing renews it): the
 * generation served before stays served, and the next start cleans up after it; until the lease has run out, it
 * still counts as running, since it may be running on another instance. And how instances see a switch.
 */
class AbandonedRebuildTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private static final RebuildProperties PROPERTIES = new RebuildProperties(1000, Duration.ofSeconds(2),
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1), 5);

    private final SettableClock clock = new SettableClock(T0);
    private MongoDatabase database;
    private ViewGenerations generations;
    private RebuildRecords records;
    private ViewRebuilds rebuilds;

    @BeforeEach
    void aRebuildStoppedHalfway() {
        database = MONGO.freshDatabase("abandoned_rebuild");
        generations = new ViewGenerations(database, Duration.ofMillis(200));
        records = new RebuildRecords(database, generations);
        generations.collections(0).dealCards().insertOne(new Document("_id", "deal-1").append("title", "Served"));
        assertThat(records.lock("stopped", T0, T0.plus(PROPERTIES.lease()))).hasValue(0);
        records.started(new RebuildStatus("stopped", State.RUNNING, T0, null, 1, 42, null));
        generations.collections(1).dealCards().insertOne(new Document("_id", "deal-1").append("title", "Half"));
        // No rebuild of this instance runs: a new one would fail on Kafka, which this test does not have.
        rebuilds = new ViewRebuilds(generations, records, PROPERTIES, clock, new SimpleMeterRegistry(),
                ignored -> {
                    throw new AssertionError("no rebuild may start here");
                });
    }

    @AfterEach
    void stop() {
        rebuilds.stop();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void whileItsLeaseHoldsItCountsAsRunningAndNothingIsCleanedUp() {
        clock.set(T0.plusSeconds(10));
        rebuilds.start();

        assertThat(rebuilds.find("stopped")).get().extracting(RebuildStatus::status).isEqualTo(State.RUNNING);
        assertThat(generations.existing()).containsExactlyInAnyOrder(0L, 1L);
        assertThatThrownBy(rebuilds::rebuild).isInstanceOf(ViewRebuilds.RebuildRunningException.class);
    }

    @Test
    void onceItsLeaseRanOutTheNextStartDropsTheHalfBuiltGenerationAndShowsItFailed() {
        clock.set(T0.plusSeconds(31));
        rebuilds.start();

        assertThat(generations.read()).isZero();
        assertThat(generations.existing()).isEqualTo(List.of(0L));
        assertThat(generations.collections(0).dealCards().find().first().getString("title")).isEqualTo("Served");
        RebuildStatus status = rebuilds.find("stopped").orElseThrow();
        assertThat(status.status()).isEqualTo(State.FAILED);
        assertThat(status.finishedAt()).isEqualTo(T0.plusSeconds(31));
        assertThat(status.eventsApplied()).isEqualTo(42);
        assertThat(status.error()).contains("stopped before it switched");
    }

    @Test
    void aSwitchIsSeenAtOnceByTheInstanceThatMadeItAndWithinTheRefreshIntervalByTheOthers() {
        ViewGenerations otherInstance = new ViewGenerations(database, Duration.ofMillis(200));
        try (ViewGenerations.Pin pinned = generations.pin()) {
            assertThat(title(generations)).isEqualTo("Served");
            assertThat(otherInstance.switchTo(0, 1, Filters.eq("rebuild.id", "stopped"), Updates.unset("rebuild")))
                    .isTrue();

            assertThat(title(otherInstance)).isEqualTo("Half");
            assertThat(title(generations)).as("a pinned request stays with its generation").isEqualTo("Served");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "Half".equals(title(generations)));
    }

    private static String title(ViewGenerations generations) {
        return generations.routed().dealCards().find().first().getString("title");
    }
}
