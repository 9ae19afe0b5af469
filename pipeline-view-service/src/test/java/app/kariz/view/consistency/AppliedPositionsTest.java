package app.kariz.view.consistency;

import app.kariz.events.Position;
import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AppliedPositionsTest {

    /** So long that a test passing within seconds proves the waiter was woken by a signal, not by re-reading. */
    private static final Duration NO_RECHECK = Duration.ofMinutes(10);
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private static InProcessMongo mongo;
    private final ExecutorService reads = Executors.newSingleThreadExecutor();
    private MongoCollection<Document> collection;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyPositions() {
        collection = mongo.freshDatabase("positions").getCollection("positions");
    }

    @AfterEach
    void stopReads() {
        reads.shutdownNow();
    }

    @Test
    void aWaitingReadIsWokenWhenThisInstanceAppliesItsPosition() throws Exception {
        AppliedPositions positions = new AppliedPositions(collection, NO_RECHECK);
        Future<Boolean> read = reads.submit(() -> positions.awaitApplied(List.of(deal(0)), LONG_WAIT));
        await().atMost(Duration.ofSeconds(5)).until(() -> positions.waiting() == 1);
        assertThat(read).isNotDone();

        positions.recordApplied(deal(0));

        assertThat(read.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(positions.waiting()).isZero();
    }

    @Test
    void aWaitingReadSeesPositionsThatAnotherInstanceApplied() throws Exception {
        AppliedPositions here = new AppliedPositions(collection, Duration.ofMillis(20));
        AppliedPositions otherInstance = new AppliedPositions(collection, NO_RECHECK);
        Future<Boolean> read = reads.submit(() -> here.awaitApplied(List.of(deal(1)), LONG_WAIT));
        await().atMost(Duration.ofSeconds(5)).until(() -> here.waiting() == 1);

        otherInstance.recordApplied(deal(1));

        assertThat(read.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReadWaitsForEveryPositionItNames() throws Exception {
        AppliedPositions positions = new AppliedPositions(collection, NO_RECHECK);
        Position activity = new Position("activity", "call-1", 0);
        Future<Boolean> read = reads.submit(() -> positions.awaitApplied(List.of(deal(0), activity), LONG_WAIT));
        await().atMost(Duration.ofSeconds(5)).until(() -> positions.waiting() == 1);

        positions.recordApplied(deal(0));
        // Woken by the deal, the read finds the activity still missing and waits on.
        assertThatThrownBy(() -> read.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        positions.recordApplied(activity);
        assertThat(read.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReadGivesUpAfterItsTimeout() throws Exception {
        AppliedPositions positions = new AppliedPositions(collection, Duration.ofMillis(20));
        positions.recordApplied(deal(1));

        assertThat(positions.awaitApplied(List.of(deal(2)), Duration.ofMillis(200))).isFalse();
        assertThat(positions.awaitApplied(List.of(deal(1)), Duration.ZERO)).isTrue();
        assertThat(positions.awaitApplied(List.of(deal(0)), Duration.ZERO)).isTrue();
    }

    @Test
    void anOlderPositionNeverMovesAStreamBack() {
        AppliedPositions positions = new AppliedPositions(collection, NO_RECHECK);
        assertThat(positions.appliedSequence("deal:deal-1")).isEqualTo(AppliedPositions.NOTHING_APPLIED);

        positions.recordApplied(deal(5));
        positions.recordApplied(deal(3));

        assertThat(positions.appliedSequence("deal:deal-1")).isEqualTo(5);
    }

    @Test
    void heldPositionsAreTheAppliersAtOnceAndAWaitingReadsOnlyOnceWritten() throws Exception {
        AppliedPositions positions = AppliedPositions.heldUntilWritten(collection, NO_RECHECK);
        AppliedPositions otherInstance = new AppliedPositions(collection, NO_RECHECK);
        Future<Boolean> read = reads.submit(() -> positions.awaitApplied(List.of(deal(1)), LONG_WAIT));
        await().atMost(Duration.ofSeconds(5)).until(() -> positions.waiting() == 1);

        positions.recordApplied(deal(0));
        positions.recordApplied(deal(1));

        assertThat(positions.appliedSequence("deal:deal-1")).isEqualTo(1);
        assertThat(positions.heldCount()).isEqualTo(1);
        assertThat(otherInstance.appliedSequence("deal:deal-1")).isEqualTo(AppliedPositions.NOTHING_APPLIED);
        assertThatThrownBy(() -> read.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        positions.writeHeld();

        assertThat(read.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(positions.heldCount()).isZero();
        assertThat(otherInstance.appliedSequence("deal:deal-1")).isEqualTo(1);
    }

    @Test
    void aHeldPositionOlderThanTheWrittenOneNeverMovesAStreamBack() {
        AppliedPositions positions = AppliedPositions.heldUntilWritten(collection, NO_RECHECK);
        new AppliedPositions(collection, NO_RECHECK).recordApplied(deal(5));

        positions.recordApplied(deal(3));
        assertThat(positions.appliedSequence("deal:deal-1")).isEqualTo(5);
        positions.writeHeld();

        assertThat(new AppliedPositions(collection, NO_RECHECK).appliedSequence("deal:deal-1")).isEqualTo(5);
    }

    private static Position deal(long sequence) {
        return new Position("deal", "deal-1", sequence);
    }
}
