package app.kariz.view.stream;

import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After each event, the projection records which board it changed, also for an event applied before. */
class ChangeRecordingProjectionTest {

    private static final String ORG = "org-1";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due TODAY = new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran");
    private static final InProcessMongo MONGO = InProcessMongo.start();
    private BoardChangeLog log;
    private ChangeRecordingProjection projection;
    private DealStory deal;

    @BeforeEach
    void salesPipeline() {
        MongoDatabase database = MONGO.freshDatabase("change_recording_test");
        ViewCollections collections = ViewCollections.in(database);
        log = BoardChangeLog.in(database);
        projection = new ChangeRecordingProjection(collections,
                new AppliedPositions(collections.positions(), Duration.ofMillis(50)), log);
        projection.handle(new PipelineStory(ORG, "sales").created("Sales",
                List.of(new PipelineStage("lead", "Lead", 0, null))));
        deal = new DealStory(ORG, "deal-1");
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void eachDealActivityAndPipelineEventRecordsTheBoardItChanged() {
        List.of(deal.opened("Big order", "sales", "lead", T0),
                        deal.scheduled("call-1", "call", "Call", TODAY, T0.plusSeconds(1)),
                        deal.moved("lead", T0.plusSeconds(2)))
                .forEach(projection::handle);

        assertThat(changesAfter(0)).containsExactly(
                BoardChange.ofPipeline(1, ORG, "sales"),
                BoardChange.ofCard(2, ORG, "deal-1", null),
                BoardChange.ofCard(3, ORG, "deal-1", null),
                BoardChange.ofCard(4, ORG, "deal-1", null));
    }

    @Test
    void aMoveToAnotherPipelineAndADeletionRecordTheBoardTheCardLeft() {
        projection.handle(deal.opened("Big order", "sales", "lead", T0));
        long opened = log.head().seq();

        List.of(deal.movedTo("partners", "intro", T0.plusSeconds(1)), deal.deleted(T0.plusSeconds(2)))
                .forEach(projection::handle);

        assertThat(changesAfter(opened)).extracting(BoardChange::pipelineId).containsExactly("sales", "partners");
    }

    @Test
    void aHandOverAndADeletionRecordTheOwnerTheCardLeft() {
        projection.handle(deal.opened("Big order", "sales", "lead", T0));
        long opened = log.head().seq();
        DealFields fields = deal.fields();

        List.of(deal.updated(new DealFields(fields.title(), fields.value(), "owner-2", fields.personName(),
                                fields.organizationName(), fields.expectedCloseDate()), T0.plusSeconds(1)),
                        deal.updated(new DealFields("Bigger order", fields.value(), "owner-2", fields.personName(),
                                fields.organizationName(), fields.expectedCloseDate()), T0.plusSeconds(2)),
                        deal.deleted(T0.plusSeconds(3)))
                .forEach(projection::handle);

        assertThat(changesAfter(opened)).extracting(BoardChange::leftOwnerId)
                .containsExactly("owner-1", null, "owner-2");
    }

    @Test
    void anEventDeliveredAgainIsAnnouncedAgain() {
        ConsumedEvent opened = deal.opened("Big order", "sales", "lead", T0);
        projection.handle(opened);
        long first = log.head().seq();

        projection.handle(opened);

        assertThat(changesAfter(first)).containsExactly(BoardChange.ofCard(first + 1, ORG, "deal-1", null));
    }

    @Test
    void inBatchesTheChangesAndPositionsAreWrittenAtTheEndOfAPollOrOnceABatchIsFull() {
        MongoDatabase database = MONGO.freshDatabase("change_recording_batches_test");
        ViewCollections collections = ViewCollections.in(database);
        BoardChangeLog batchedLog = BoardChangeLog.in(database);
        AppliedPositions positions = AppliedPositions.heldUntilWritten(collections.positions(), Duration.ofMillis(50));
        ChangeRecordingProjection batched = ChangeRecordingProjection.inBatches(collections, positions, batchedLog, 3);
        DealStory other = new DealStory(ORG, "deal-2");

        batched.handle(new PipelineStory(ORG, "sales").created("Sales",
                List.of(new PipelineStage("lead", "Lead", 0, null))));
        batched.handle(deal.opened("Big order", "sales", "lead", T0));

        assertThat(batchedLog.head().seq()).isZero();
        assertThat(new AppliedPositions(collections.positions(), Duration.ofMillis(50))
                .appliedSequence("deal:deal-1")).isEqualTo(AppliedPositions.NOTHING_APPLIED);
        assertThat(positions.appliedSequence("deal:deal-1")).isZero();
        // The card itself is written at once: only what announces it waits.
        assertThat(collections.dealCards().countDocuments()).isEqualTo(1);

        batched.handle(other.opened("Small order", "sales", "lead", T0.plusSeconds(1)));

        assertThat(batchedLog.changesAfter(0, batchedLog.head()).orElseThrow()).containsExactly(
                BoardChange.ofPipeline(1, ORG, "sales"),
                BoardChange.ofCard(2, ORG, "deal-1", null),
                BoardChange.ofCard(3, ORG, "deal-2", null));
        assertThat(new AppliedPositions(collections.positions(), Duration.ofMillis(50))
                .appliedSequence("deal:deal-2")).isZero();

        batched.handle(deal.scheduled("call-1", "call", "Call", TODAY, T0.plusSeconds(2)));
        assertThat(batchedLog.head().seq()).isEqualTo(3);

        batched.writeHeld();

        assertThat(batchedLog.changesAfter(3, batchedLog.head()).orElseThrow())
                .containsExactly(BoardChange.ofCard(4, ORG, "deal-1", null));
        assertThat(positions.heldCount()).isZero();
        assertThat(new AppliedPositions(collections.positions(), Duration.ofMillis(50))
                .appliedSequence("activity:call-1")).isZero();
    }

    @Test
    void batchesNeedPositionsHeldUntilTheirChangesAreRecorded() {
        MongoDatabase database = MONGO.freshDatabase("change_recording_batches_test");
        ViewCollections collections = ViewCollections.in(database);

        assertThatThrownBy(() -> ChangeRecordingProjection.inBatches(collections,
                new AppliedPositions(collections.positions(), Duration.ofMillis(50)), BoardChangeLog.in(database), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<BoardChange> changesAfter(long seq) {
        return log.changesAfter(seq, log.head()).orElseThrow();
    }
}
