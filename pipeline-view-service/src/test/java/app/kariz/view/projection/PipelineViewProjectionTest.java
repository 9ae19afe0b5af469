package app.kariz.view.projection;

import app.kariz.events.Position;
import app.kariz.events.activity.Due;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.SettableClock;
import app.kariz.view.board.Board;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.DueView;
import app.kariz.view.card.NextActivity;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.timeline.HistoryEntry;
import app.kariz.view.timeline.HistoryType;
import app.kariz.view.timeline.PlannedActivity;
import app.kariz.view.timeline.Timeline;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineViewProjectionTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final String TEHRAN = "Asia/Tehran";
    /** 11:30 on 27 November in Tehran. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due TODAY_14_30 = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("14:30"), TEHRAN);
    private static final Due YESTERDAY_10_00 =
            new Due(LocalDate.parse("2026-11-26"), LocalTime.parse("10:00"), TEHRAN);
    private static final Due TOMORROW_ALL_DAY = new Due(LocalDate.parse("2026-11-28"), null, TEHRAN);
    private static final String PERSIAN = "قرار جلسه هفته بعد";

    private static InProcessMongo mongo;
    private final SettableClock clock = new SettableClock(NOW);
    private ReadModel view;
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
    void salesPipeline() {
        view = newReadModel("view");
        deal = new DealStory(ORG, "deal-1");
    }

    private ReadModel newReadModel(String database) {
        ReadModel model = new ReadModel(mongo.freshDatabase(database), clock, ORG);
        model.apply(DealStory.pipelineCreated(ORG, PIPELINE, "Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("qualified", "Qualified", 1, null),
                new PipelineStage("proposal", "Proposal", 2, null), new PipelineStage("won-soon", "Negotiation", 3, null))));
        return model;
    }

    @Test
    void openingADealShowsItsCardWithoutActivityAndRecordsIt() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0));

        assertThat(view.card("deal-1")).isEqualTo(new DealCard("deal-1", "Big order", PIPELINE, "lead",
                DealStatus.OPEN, Indicator.NO_ACTIVITY, null, 0, 0, new DealCard.Amount("1200.00", "IRR"), "owner-1",
                T0, "Sara Ahmadi", "Kariz Co", LocalDate.parse("2026-12-31"), T0, null, null, null, 0, false, null));
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).isEmpty();
        assertThat(timeline.history()).containsExactly(
                new HistoryEntry.DealChanged(eventId(timeline, 0), HistoryType.DEAL_OPENED, T0, DealStory.USER));
    }

    @Test
    void movingADealChangesItsStageAndRecordsBothStageNames() {
        Instant movedAt = T0.plusSeconds(60);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0), deal.moved("proposal", movedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.stageId()).isEqualTo("proposal");
        assertThat(card.stageEnteredAt()).isEqualTo(movedAt);
        assertThat(card.createdAt()).isEqualTo(T0);
        assertThat(view.timeline("deal-1").history().get(0)).isEqualTo(new HistoryEntry.StageChanged(
                eventId(view.timeline("deal-1"), 0), HistoryType.STAGE_CHANGED, movedAt, DealStory.USER, PIPELINE,
                "lead", PIPELINE, "proposal", "Lead", "Proposal", "PT1M", 60L));
    }

    @Test
    void schedulingAnActivityMakesItTheNextActivityAndPlansIt() {
        Instant scheduledAt = T0.plusSeconds(60);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "Call about the quote", TODAY_14_30, scheduledAt));

        DealCard card = view.card("deal-1");
        assertThat(card.indicator()).isEqualTo(Indicator.TODAY);
        assertThat(card.openActivityCount()).isEqualTo(1);
        assertThat(card.nextActivity()).isEqualTo(new NextActivity("call-1", "call", "Call about the quote",
                LocalDate.parse("2026-11-27"), "14:30", TEHRAN));
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).containsExactly(new PlannedActivity("call-1", "call",
                "Call about the quote", LocalDate.parse("2026-11-27"), "14:30", TEHRAN, Indicator.TODAY, 30,
                "assignee-1", "note", null, scheduledAt, DealStory.USER, 0));
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityScheduled(eventId(timeline, 0),
                HistoryType.ACTIVITY_SCHEDULED, scheduledAt, DealStory.USER, "call-1", "call",
                "Call about the quote", new DueView(LocalDate.parse("2026-11-27"), "14:30", TEHRAN)));
    }

    @Test
    void theNextActivityIsDueFirstWithAnAllDayActivityDueAtTheEndOfItsDay() {
        Due todayAllDay = new Due(LocalDate.parse("2026-11-27"), null, TEHRAN);
        Due todayAt23 = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("23:00"), TEHRAN);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("all-day", "task", "Send the contract", todayAllDay, T0.plusSeconds(1)),
                deal.scheduled("late-second", "call", "Second late call", todayAt23, T0.plusSeconds(3)),
                deal.scheduled("late-first", "call", "First late call", todayAt23, T0.plusSeconds(2)));

        assertThat(view.card("deal-1").nextActivity().id()).isEqualTo("late-first");
        assertThat(view.timeline("deal-1").planned()).extracting(PlannedActivity::id)
                .containsExactly("late-first", "late-second", "all-day");
    }

    @Test
    void completingAnActivityRecordsItsResultAndTakesItOffThePlan() {
        Instant completedAt = T0.plusSeconds(120);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "Call about the quote", TODAY_14_30, T0.plusSeconds(60)),
                deal.completed("call-1", "Wants a 10% discount", completedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.indicator()).isEqualTo(Indicator.NO_ACTIVITY);
        assertThat(card.nextActivity()).isNull();
        assertThat(card.openActivityCount()).isZero();
        assertThat(card.doneActivityCount()).isEqualTo(1);
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).isEmpty();
        assertThat(timeline.history()).extracting(HistoryEntry::type).containsExactly(
                HistoryType.ACTIVITY_COMPLETED, HistoryType.ACTIVITY_SCHEDULED, HistoryType.DEAL_OPENED);
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityCompleted(eventId(timeline, 0),
                HistoryType.ACTIVITY_COMPLETED, completedAt, DealStory.USER, "call-1", "call",
                "Call about the quote", "Wants a 10% discount"));
    }

    @Test
    void postponingAnOverdueActivityMakesItPlanned() {
        Instant postponedAt = T0.plusSeconds(120);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "Call about the quote", YESTERDAY_10_00, T0.plusSeconds(60)));
        assertThat(view.card("deal-1").indicator()).isEqualTo(Indicator.OVERDUE);

        view.apply(deal.postponed("call-1", TOMORROW_ALL_DAY, "Customer travelling", postponedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.indicator()).isEqualTo(Indicator.PLANNED);
        assertThat(card.nextActivity()).isEqualTo(new NextActivity("call-1", "call", "Call about the quote",
                LocalDate.parse("2026-11-28"), null, TEHRAN));
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).singleElement().satisfies(activity -> {
            assertThat(activity.state()).isEqualTo(Indicator.PLANNED);
            assertThat(activity.postponeCount()).isEqualTo(1);
        });
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityPostponed(eventId(timeline, 0),
                HistoryType.ACTIVITY_POSTPONED, postponedAt, DealStory.USER, "call-1", "Call about the quote",
                new DueView(LocalDate.parse("2026-11-26"), "10:00", TEHRAN),
                new DueView(LocalDate.parse("2026-11-28"), null, TEHRAN), "Customer travelling"));
    }

    @Test
    void aWonDealLeavesTheBoardAndShowsNoIndicator() {
        Instant wonAt = T0.plusSeconds(120);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "Call about the quote", TODAY_14_30, T0.plusSeconds(60)));
        assertThat(dealsOn(view.board(PIPELINE), "lead")).containsExactly("deal-1");

        view.apply(deal.won(wonAt));

        DealCard card = view.card("deal-1");
        assertThat(card.status()).isEqualTo(DealStatus.WON);
        assertThat(card.indicator()).isNull();
        assertThat(card.wonAt()).isEqualTo(wonAt);
        Board board = view.board(PIPELINE);
        assertThat(dealsOn(board, "lead")).isEmpty();
        assertThat(board.stages().get(0).counts()).containsEntry(Indicator.TODAY, 0);
        assertThat(view.timeline("deal-1").history().get(0).type()).isEqualTo(HistoryType.DEAL_WON);
    }

    @Test
    void reopeningPutsALostDealBackOnTheBoard() {
        Instant lostAt = T0.plusSeconds(120);
        Instant reopenedAt = T0.plusSeconds(180);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "Call about the quote", TODAY_14_30, T0.plusSeconds(60)),
                deal.lost("Too expensive", lostAt));
        assertThat(view.card("deal-1")).satisfies(card -> {
            assertThat(card.status()).isEqualTo(DealStatus.LOST);
            assertThat(card.lostAt()).isEqualTo(lostAt);
            assertThat(card.lostReason()).isEqualTo("Too expensive");
            assertThat(card.indicator()).isNull();
        });
        assertThat(dealsOn(view.board(PIPELINE), "lead")).isEmpty();

        view.apply(deal.reopened(reopenedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.status()).isEqualTo(DealStatus.OPEN);
        assertThat(card.indicator()).isEqualTo(Indicator.TODAY);
        assertThat(card.lostAt()).isNull();
        assertThat(card.lostReason()).isNull();
        Board board = view.board(PIPELINE);
        assertThat(dealsOn(board, "lead")).containsExactly("deal-1");
        assertThat(board.stages().get(0).counts()).containsEntry(Indicator.TODAY, 1);
        assertThat(view.timeline("deal-1").history()).extracting(HistoryEntry::type).startsWith(
                HistoryType.DEAL_REOPENED, HistoryType.DEAL_LOST);
        assertThat(view.timeline("deal-1").history().get(1))
                .isInstanceOfSatisfying(HistoryEntry.DealLost.class,
                        entry -> assertThat(entry.reason()).isEqualTo("Too expensive"));
    }

    @Test
    void theBoardOrdersCardsByIndicatorThenNextDueThenCreation() {
        Due todayAtNoon = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("12:00"), TEHRAN);
        DealStory planned = new DealStory(ORG, "planned");
        DealStory laterNoActivity = new DealStory(ORG, "later-no-activity");
        DealStory overdue = new DealStory(ORG, "overdue");
        DealStory todayLater = new DealStory(ORG, "today-14-30");
        DealStory todaySooner = new DealStory(ORG, "today-12-00");
        DealStory earlierNoActivity = new DealStory(ORG, "earlier-no-activity");
        DealStory elsewhere = new DealStory(ORG, "on-another-stage");
        view.apply(planned.opened("P", PIPELINE, "qualified", T0.plusSeconds(1)),
                planned.scheduled("p-1", "call", "Call", TOMORROW_ALL_DAY, T0),
                laterNoActivity.opened("L", PIPELINE, "qualified", T0.plusSeconds(30)),
                overdue.opened("O", PIPELINE, "qualified", T0.plusSeconds(2)),
                overdue.scheduled("o-1", "call", "Call", YESTERDAY_10_00, T0),
                todayLater.opened("TL", PIPELINE, "qualified", T0.plusSeconds(3)),
                todayLater.scheduled("tl-1", "call", "Call", TODAY_14_30, T0),
                todaySooner.opened("TS", PIPELINE, "qualified", T0.plusSeconds(40)),
                todaySooner.scheduled("ts-1", "call", "Call", todayAtNoon, T0),
                earlierNoActivity.opened("E", PIPELINE, "qualified", T0.plusSeconds(20)),
                elsewhere.opened("X", PIPELINE, "proposal", T0));

        Board board = view.board(PIPELINE);

        assertThat(board.pipelineId()).isEqualTo(PIPELINE);
        assertThat(board.name()).isEqualTo("Sales");
        assertThat(board.stages()).extracting(Board.Column::id)
                .containsExactly("lead", "qualified", "proposal", "won-soon");
        assertThat(board.stages()).extracting(Board.Column::order).containsExactly(0, 1, 2, 3);
        assertThat(dealsOn(board, "qualified")).containsExactly("earlier-no-activity", "later-no-activity",
                "overdue", "today-12-00", "today-14-30", "planned");
        assertThat(board.stages().get(1).counts()).containsExactly(Map.entry(Indicator.NO_ACTIVITY, 2),
                Map.entry(Indicator.OVERDUE, 1), Map.entry(Indicator.TODAY, 2), Map.entry(Indicator.PLANNED, 1));
        assertThat(dealsOn(board, "proposal")).containsExactly("on-another-stage");
        assertThat(dealsOn(board, "lead")).isEmpty();
    }

    @Test
    void anActivityScheduledBeforeItsDealWasOpenedIsNotLost() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        view.apply(deal.scheduled("call-1", "call", "Call about the quote", TODAY_14_30, T0.plusSeconds(60)));
        assertThat(view.hasCard("deal-1")).isFalse();
        assertThat(dealsOn(view.board(PIPELINE), "lead")).isEmpty();

        view.apply(opened);

        DealCard card = view.card("deal-1");
        assertThat(card.openActivityCount()).isEqualTo(1);
        assertThat(card.indicator()).isEqualTo(Indicator.TODAY);
        assertThat(card.nextActivity().id()).isEqualTo("call-1");
        assertThat(view.timeline("deal-1").planned()).extracting(PlannedActivity::id).containsExactly("call-1");
    }

    @Test
    void dealAndActivityEventsGiveTheSameViewInAnyInterleaving() {
        List<ConsumedEvent> dealStream = List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.moved("proposal", T0.plusSeconds(10)), deal.lost("No budget", T0.plusSeconds(20)),
                deal.reopened(T0.plusSeconds(30)));
        List<ConsumedEvent> firstCall = List.of(
                deal.scheduled("call-1", "call", "First call", YESTERDAY_10_00, T0.plusSeconds(1)),
                deal.postponed("call-1", TODAY_14_30, null, T0.plusSeconds(11)),
                deal.completed("call-1", "Interested", T0.plusSeconds(21)));
        List<ConsumedEvent> meeting = List.of(
                deal.scheduled("meeting-1", "meeting", "Demo", TOMORROW_ALL_DAY, T0.plusSeconds(2)));
        List<List<ConsumedEvent>> orders = new ArrayList<>();
        orders.add(concat(dealStream, firstCall, meeting));
        orders.add(concat(meeting, firstCall, dealStream));
        Random random = new Random(42);
        for (int i = 0; i < 8; i++) {
            orders.add(randomInterleaving(random, dealStream, firstCall, meeting));
        }

        List<DealCard> cards = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        List<Document> cardDocuments = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            ReadModel model = newReadModel("order" + i);
            model.apply(orders.get(i));
            cards.add(model.card("deal-1"));
            timelines.add(model.timeline("deal-1"));
            cardDocuments.add(model.collections.dealCards().find(Filters.eq("_id", "deal-1")).first());
        }

        assertThat(cards.get(0)).satisfies(card -> {
            assertThat(card.status()).isEqualTo(DealStatus.OPEN);
            assertThat(card.stageId()).isEqualTo("proposal");
            assertThat(card.openActivityCount()).isEqualTo(1);
            assertThat(card.doneActivityCount()).isEqualTo(1);
            assertThat(card.indicator()).isEqualTo(Indicator.PLANNED);
        });
        assertThat(cards).allSatisfy(card -> assertThat(card).isEqualTo(cards.get(0)));
        assertThat(timelines).allSatisfy(timeline -> assertThat(timeline).isEqualTo(timelines.get(0)));
        assertThat(cardDocuments).allSatisfy(document -> assertThat(document).isEqualTo(cardDocuments.get(0)));
    }

    @Test
    void applyingEveryEventTwiceChangesNothing() {
        List<ConsumedEvent> events = fullStory();
        ReadModel once = newReadModel("once");
        once.apply(events);

        for (ConsumedEvent event : events) {
            view.apply(event, event);
        }
        view.apply(events);

        assertThat(view.snapshot()).isEqualTo(once.snapshot());
        assertThat(view.timeline("deal-1").history()).hasSize(events.size());
    }

    @Test
    void reapplyingAnEventWhosePositionWasNeverWrittenChangesNothing() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "First call", YESTERDAY_10_00, T0.plusSeconds(1)));
        ConsumedEvent postponed = deal.postponed("call-1", TODAY_14_30, "Busy", T0.plusSeconds(11));
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(12));
        view.apply(postponed, moved);
        Map<String, List<Document>> applied = view.snapshot();

        // As after a crash between the last events' effects and their positions: each stream is one behind.
        view.collections.positions().updateOne(Filters.eq("_id", "activity:call-1"), Updates.set("seq", 0L));
        view.collections.positions().updateOne(Filters.eq("_id", "deal:deal-1"), Updates.set("seq", 0L));
        view.apply(postponed, moved);

        assertThat(view.snapshot()).isEqualTo(applied);
        assertThat(view.timeline("deal-1").planned()).singleElement()
                .satisfies(activity -> assertThat(activity.postponeCount()).isEqualTo(1));
    }

    @Test
    void anEventAfterAGapInItsStreamWaitsUntilTheGapIsFilled() {
        List<ConsumedEvent> events = List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.moved("proposal", T0.plusSeconds(10)), deal.won(T0.plusSeconds(20)));

        view.apply(events.get(0), events.get(2));

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.OPEN);
        assertThat(view.collections.positions().find(Filters.eq("_id", "deal:deal-1")).first().getLong("seq"))
                .isZero();
        assertThat(view.healRequests).containsExactly(new Position("deal", "deal-1", 1));

        view.apply(events.get(1));

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.WON);
        assertThat(view.card("deal-1").stageId()).isEqualTo("proposal");
        assertThat(view.collections.positions().find(Filters.eq("_id", "deal:deal-1")).first().getLong("seq"))
                .isEqualTo(2);
    }

    @Test
    void persianTextRoundTrips() {
        view.apply(deal.opened(PERSIAN, PIPELINE, "lead", T0),
                deal.scheduled("meeting-1", "meeting", PERSIAN, TODAY_14_30, T0.plusSeconds(60)),
                deal.completed("meeting-1", PERSIAN, T0.plusSeconds(120)),
                deal.scheduled("meeting-2", "meeting", PERSIAN, TOMORROW_ALL_DAY, T0.plusSeconds(180)));

        assertThat(view.card("deal-1").title()).isEqualTo(PERSIAN);
        assertThat(view.card("deal-1").nextActivity().subject()).isEqualTo(PERSIAN);
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).extracting(PlannedActivity::subject).containsExactly(PERSIAN);
        assertThat(timeline.history().get(1)).isInstanceOfSatisfying(HistoryEntry.ActivityCompleted.class,
                completed -> {
                    assertThat(completed.subject()).isEqualTo(PERSIAN);
                    assertThat(completed.result()).isEqualTo(PERSIAN);
                });
    }

    @Test
    void anotherOrganisationSeesNoneOfIt() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0));
        ReadModel otherOrganisation = new ReadModel(view.database, clock, "org-2");

        assertThat(otherOrganisation.hasCard("deal-1")).isFalse();
        assertThatThrownBy(() -> otherOrganisation.timeline("deal-1"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> otherOrganisation.board(PIPELINE))
                .isInstanceOf(AssertionError.class);
    }

    private List<ConsumedEvent> fullStory() {
        return List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", "First call", YESTERDAY_10_00, T0.plusSeconds(1)),
                deal.moved("proposal", T0.plusSeconds(10)),
                deal.postponed("call-1", TODAY_14_30, "Busy", T0.plusSeconds(11)),
                deal.scheduled("meeting-1", "meeting", "Demo", TOMORROW_ALL_DAY, T0.plusSeconds(12)),
                deal.completed("call-1", "Interested", T0.plusSeconds(21)),
                deal.won(T0.plusSeconds(30)));
    }

    private static List<String> dealsOn(Board board, String stageId) {
        return board.stages().stream().filter(stage -> stage.id().equals(stageId)).findFirst().orElseThrow()
                .deals().stream().map(DealCard::id).toList();
    }

    private static String eventId(Timeline timeline, int index) {
        return timeline.history().get(index).id();
    }

    @SafeVarargs
    private static List<ConsumedEvent> concat(List<ConsumedEvent>... streams) {
        List<ConsumedEvent> all = new ArrayList<>();
        for (List<ConsumedEvent> stream : streams) {
            all.addAll(stream);
        }
        return all;
    }

    /** Merges the streams at random, keeping each stream's own order, as Kafka partitions may. */
    @SafeVarargs
    private static List<ConsumedEvent> randomInterleaving(Random random, List<ConsumedEvent>... streams) {
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < streams.length; i++) {
            picks.addAll(Collections.nCopies(streams[i].size(), i));
        }
        Collections.shuffle(picks, random);
        int[] next = new int[streams.length];
        List<ConsumedEvent> merged = new ArrayList<>();
        for (int stream : picks) {
            merged.add(streams[stream].get(next[stream]++));
        }
        return merged;
    }
}
