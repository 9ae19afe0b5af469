package app.kariz.view.projection;

import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import app.kariz.view.board.Board;
import app.kariz.view.card.DealCard;
import app.kariz.view.timeline.HistoryEntry;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Managing pipelines and stages: the board follows every change at once. */
class PipelineChangesProjectionTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private static InProcessMongo mongo;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private ReadModel view;
    private PipelineStory pipeline;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void salesPipeline() {
        view = new ReadModel(mongo.freshDatabase("pipeline_changes"), clock, ORG);
        pipeline = new PipelineStory(ORG, PIPELINE);
        view.apply(pipeline.created("Sales", List.of(new PipelineStage("lead", "Lead", 0, null),
                new PipelineStage("qualified", "Qualified", 1, 14), new PipelineStage("proposal", "Proposal", 2, 5))));
    }

    @Test
    void aCreatedPipelineIsABoardWithItsStagesInOrderAndTheirRottingThresholds() {
        Board board = view.board(PIPELINE);

        assertThat(board.name()).isEqualTo("Sales");
        assertThat(board.stages()).extracting(Board.Column::id).containsExactly("lead", "qualified", "proposal");
        assertThat(board.stages()).extracting(Board.Column::rottenAfterDays).containsExactly(null, 14, 5);
    }

    @Test
    void renamingAPipelineRenamesItsBoard() {
        view.apply(pipeline.renamed("فروش سازمانی"));

        assertThat(view.board(PIPELINE).name()).isEqualTo("فروش سازمانی");
    }

    @Test
    void anAddedStageTakesItsPlaceAmongTheColumns() {
        view.apply(pipeline.stageAdded("demo", "Demo", 3, 1));

        Board board = view.board(PIPELINE);
        assertThat(board.stages()).extracting(Board.Column::id).containsExactly("lead", "demo", "qualified", "proposal");
        assertThat(board.stages()).extracting(Board.Column::order).containsExactly(0, 1, 2, 3);
        assertThat(board.stages().get(1)).satisfies(demo -> {
            assertThat(demo.name()).isEqualTo("Demo");
            assertThat(demo.rottenAfterDays()).isEqualTo(3);
            assertThat(demo.deals()).isEmpty();
        });
    }

    @Test
    void anUpdatedStageShowsItsNewNameAndThresholdOnTheBoardAndInTimelines() {
        DealStory deal = new DealStory(ORG, "deal-1");
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0), deal.moved("qualified", T0.plusSeconds(60)));

        view.apply(pipeline.stageUpdated("qualified", "واجد شرایط", null));

        assertThat(view.board(PIPELINE).stages().get(1)).satisfies(stage -> {
            assertThat(stage.name()).isEqualTo("واجد شرایط");
            assertThat(stage.rottenAfterDays()).isNull();
        });
        assertThat(view.timeline("deal-1").history().get(0)).isInstanceOfSatisfying(HistoryEntry.StageChanged.class,
                moved -> assertThat(moved.toStageName()).isEqualTo("واجد شرایط"));
    }

    @Test
    void reorderingMovesTheColumnsWithTheirDeals() {
        DealStory deal = new DealStory(ORG, "deal-1");
        view.apply(deal.opened("Big order", PIPELINE, "proposal", T0));

        view.apply(pipeline.reordered(List.of("proposal", "lead", "qualified")));

        Board board = view.board(PIPELINE);
        assertThat(board.stages()).extracting(Board.Column::id).containsExactly("proposal", "lead", "qualified");
        assertThat(board.stages()).extracting(Board.Column::order).containsExactly(0, 1, 2);
        assertThat(board.stages().get(0).deals()).extracting(DealCard::id).containsExactly("deal-1");
    }

    @Test
    void aRemovedStageLeavesTheBoardButStillNamesTheDealsPastMoves() {
        DealStory deal = new DealStory(ORG, "deal-1");
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0));

        view.apply(deal.moved("proposal", T0.plusSeconds(60)), pipeline.stageRemoved("qualified", "proposal"));

        Board board = view.board(PIPELINE);
        assertThat(board.stages()).extracting(Board.Column::id).containsExactly("lead", "proposal");
        assertThat(board.stages()).extracting(Board.Column::order).containsExactly(0, 1);
        assertThat(board.stages().get(1).deals()).extracting(DealCard::id).containsExactly("deal-1");
        assertThat(view.timeline("deal-1").history().get(0)).isInstanceOfSatisfying(HistoryEntry.StageChanged.class,
                moved -> {
                    assertThat(moved.fromStageName()).isEqualTo("Qualified");
                    assertThat(moved.toStageName()).isEqualTo("Proposal");
                });
    }

    @Test
    void aDeletedPipelineHasNoBoard() {
        view.apply(pipeline.deleted());

        assertThat(view.hasBoard(PIPELINE)).isFalse();
    }

    @Test
    void redeliveredOrStaleEventsOfAPipelineChangeNothing() {
        ConsumedEvent renamed = pipeline.renamed("Renamed");
        ConsumedEvent added = pipeline.stageAdded("demo", "Demo", null, 3);
        ConsumedEvent removed = pipeline.stageRemoved("lead", null);
        ConsumedEvent deleted = pipeline.deleted();
        view.apply(renamed, added, removed);
        Document applied = pipelineDocument();

        // As after a crash between effects and positions, and as a consumer that lost its partition would write.
        view.collections.positions().deleteOne(Filters.eq("_id", "pipeline:" + PIPELINE));
        view.applyToProjection(added, renamed, removed, added);
        assertThat(pipelineDocument()).isEqualTo(applied);

        view.apply(deleted);
        view.collections.positions().deleteOne(Filters.eq("_id", "pipeline:" + PIPELINE));
        view.applyToProjection(renamed, added);
        assertThat(view.hasBoard(PIPELINE)).isFalse();
    }

    @Test
    void aPipelineWrittenBeforePipelinesCarriedASequenceStillTakesChanges() {
        // The document PipelineCreated left before this view numbered pipeline documents.
        view.collections.pipelines().updateOne(Filters.eq("_id", PIPELINE),
                new Document("$unset", new Document(PipelineWriter.SEQUENCE, "")));

        view.apply(pipeline.renamed("Renamed"));

        assertThat(view.board(PIPELINE).name()).isEqualTo("Renamed");
    }

    private Document pipelineDocument() {
        return view.collections.pipelines().find(Filters.eq("_id", PIPELINE)).first();
    }
}
