package app.kariz.view.projection;

import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import app.kariz.view.card.DealCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotting as the card and the board show it: the stage "qualified" rots after 3 days, "lead" never. Every case
 * reads the card one millisecond before and after the moment it should turn rotten.
 */
class RottingProjectionTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration THREE_DAYS = Duration.ofDays(3);
    private static final Due NEXT_MONTH = new Due(LocalDate.parse("2026-12-28"), null, "Asia/Tehran");

    private static InProcessMongo mongo;
    private final SettableClock clock = new SettableClock(T0);
    private ReadModel view;
    private PipelineStory pipeline;
    private DealStory deal;

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void pipelineWithARottingStage() {
        view = new ReadModel(mongo.freshDatabase("rotting"), clock, ORG);
        pipeline = new PipelineStory(ORG, PIPELINE);
        view.apply(pipeline.created("Sales", List.of(new PipelineStage("lead", "Lead", 0, null),
                new PipelineStage("qualified", "Qualified", 1, 3))));
        deal = new DealStory(ORG, "deal-1");
    }

    @Test
    void anOpenedDealRotsAfterItsStagesDaysWithoutATouch() {
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0));

        assertRottenFrom(T0.plus(THREE_DAYS));
    }

    @Test
    void theBoardsCardsShowRottingToo() {
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0));
        clock.set(T0.plus(THREE_DAYS).plusMillis(1));

        DealCard onBoard = view.board(PIPELINE).stages().get(1).deals().get(0);
        assertThat(onBoard.rotten()).isTrue();
        assertThat(onBoard.rottenSince()).isEqualTo(T0.plus(THREE_DAYS));
    }

    @Test
    void enteringTheStageIsATouch() {
        Instant movedAt = T0.plus(Duration.ofDays(10));
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0), deal.moved("qualified", movedAt));

        assertRottenFrom(movedAt.plus(THREE_DAYS));
    }

    @Test
    void anEditIsATouch() {
        Instant updatedAt = T0.plus(Duration.ofDays(2));
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0), deal.updated(deal.fields(), updatedAt));

        assertRottenFrom(updatedAt.plus(THREE_DAYS));
    }

    @Test
    void completingAnActivityIsATouchButSchedulingOrCancellingOneIsNot() {
        Instant completedAt = T0.plus(Duration.ofDays(1));
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0),
                deal.scheduled("call-1", "call", "Call", NEXT_MONTH, T0.plusSeconds(1)),
                deal.completed("call-1", "Done", completedAt),
                deal.scheduled("call-2", "call", "Call", NEXT_MONTH, T0.plus(Duration.ofDays(2))),
                deal.scheduled("call-3", "call", "Call", NEXT_MONTH, T0.plus(Duration.ofDays(2))),
                deal.cancelled("call-3", "BY_USER", T0.plus(Duration.ofDays(3))));

        assertRottenFrom(completedAt.plus(THREE_DAYS));
    }

    @Test
    void reopeningADoneActivityTakesItsTouchBack() {
        Instant firstDone = T0.plus(Duration.ofDays(1));
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0),
                deal.scheduled("call-1", "call", "Call", NEXT_MONTH, T0.plusSeconds(1)),
                deal.scheduled("call-2", "call", "Call", NEXT_MONTH, T0.plusSeconds(2)),
                deal.completed("call-1", "Done", firstDone),
                deal.completed("call-2", "Done", T0.plus(Duration.ofDays(2))),
                deal.activityReopened("call-2", T0.plus(Duration.ofDays(2)).plusSeconds(60)));

        assertRottenFrom(firstDone.plus(THREE_DAYS));

        view.apply(deal.activityReopened("call-1", T0.plus(Duration.ofDays(2)).plusSeconds(120)));

        assertRottenFrom(T0.plus(THREE_DAYS));
    }

    @Test
    void reschedulingOrEditingAnActivityIsNotATouch() {
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0),
                deal.scheduled("call-1", "call", "Call", NEXT_MONTH, T0.plusSeconds(1)),
                deal.rescheduled("call-1", new Due(LocalDate.parse("2026-12-01"), null, "Asia/Tehran"),
                        T0.plus(Duration.ofDays(1))),
                deal.activityUpdated("call-1", new ActivityFields("meeting", "Demo", 60, "assignee-1", null, null),
                        T0.plus(Duration.ofDays(2))));

        assertRottenFrom(T0.plus(THREE_DAYS));
    }

    @Test
    void anActivityCompletedBeforeTheDealArrivedStillCounts() {
        Instant completedAt = T0.plus(Duration.ofDays(1));
        var scheduled = deal.scheduled("call-1", "call", "Call", NEXT_MONTH, T0.plusSeconds(1));
        var completed = deal.completed("call-1", "Done", completedAt);
        view.apply(scheduled, completed, deal.opened("Big order", PIPELINE, "qualified", T0));

        assertRottenFrom(completedAt.plus(THREE_DAYS));
    }

    @Test
    void reopeningIsATouchAndAClosedDealNeverRots() {
        Instant reopenedAt = T0.plus(Duration.ofDays(20));
        view.apply(deal.opened("Big order", PIPELINE, "qualified", T0), deal.won(T0.plusSeconds(60)));
        clock.set(T0.plus(Duration.ofDays(19)));
        assertThat(view.card("deal-1").rotten()).isFalse();

        view.apply(deal.reopened(reopenedAt));

        assertRottenFrom(reopenedAt.plus(THREE_DAYS));
    }

    @Test
    void aStageWithoutThresholdNeverRotsAndAChangedThresholdAppliesAtOnce() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0));
        clock.set(T0.plus(Duration.ofDays(365)));
        assertThat(view.card("deal-1").rotten()).isFalse();

        view.apply(pipeline.stageUpdated("lead", "Lead", 30));

        assertThat(view.card("deal-1").rottenSince()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    private void assertRottenFrom(Instant rottenSince) {
        clock.set(rottenSince.minusMillis(1));
        assertThat(view.card("deal-1")).satisfies(card -> {
            assertThat(card.rotten()).isFalse();
            assertThat(card.rottenSince()).isNull();
        });
        clock.set(rottenSince);
        assertThat(view.card("deal-1").rotten()).isFalse();
        clock.set(rottenSince.plusMillis(1));
        assertThat(view.card("deal-1")).satisfies(card -> {
            assertThat(card.rotten()).isTrue();
            assertThat(card.rottenSince()).isEqualTo(rottenSince);
        });
    }
}
