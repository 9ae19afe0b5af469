package app.kariz.view.projection;

import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.PipelineStory;
import app.kariz.view.SettableClock;
import app.kariz.view.board.Board;
import app.kariz.view.card.DealCard;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.timeline.HistoryEntry;
import app.kariz.view.timeline.HistoryType;
import app.kariz.view.timeline.PlannedActivity;
import app.kariz.view.timeline.Timeline;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits, moves between pipelines, deletion and cancelled activities, applied to the read models. */
class DealChangesProjectionTest {

    private static final String ORG = "org-1";
    private static final String SALES = "sales";
    private static final String PARTNERS = "partners";
    private static final String TEHRAN = "Asia/Tehran";
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due TODAY_14_30 = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("14:30"), TEHRAN);
    private static final Due YESTERDAY_10_00 = new Due(LocalDate.parse("2026-11-26"), LocalTime.parse("10:00"), TEHRAN);
    private static final Due TOMORROW_ALL_DAY = new Due(LocalDate.parse("2026-11-28"), null, TEHRAN);

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
    void twoPipelines() {
        view = newReadModel("deal_changes");
        deal = new DealStory(ORG, "deal-1");
    }

    private ReadModel newReadModel(String database) {
        ReadModel model = new ReadModel(mongo.freshDatabase(database), clock, ORG);
        model.apply(new PipelineStory(ORG, SALES).created("Sales", List.of(
                        new PipelineStage("lead", "Lead", 0, null), new PipelineStage("proposal", "Proposal", 1, null))),
                new PipelineStory(ORG, PARTNERS).created("شرکا", List.of(
                        new PipelineStage("intro", "معرفی", 0, null), new PipelineStage("contract", "Contract", 1, 7))));
        return model;
    }

    @Test
    void anEditChangesTheCardsFieldsAndListsEachChangeWithItsOldAndNewValue() {
        Instant updatedAt = T0.plusSeconds(60);
        view.apply(deal.opened("Big order", SALES, "lead", T0));
        DealFields before = deal.fields();

        view.apply(deal.updated(new DealFields("Bigger order", new Money(new BigDecimal("2500.50"), "EUR"), "owner-2",
                before.personName(), null, LocalDate.parse("2027-01-15")), updatedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.title()).isEqualTo("Bigger order");
        assertThat(card.value()).isEqualTo(new DealCard.Amount("2500.50", "EUR"));
        assertThat(card.ownerId()).isEqualTo("owner-2");
        assertThat(card.personName()).isEqualTo("Sara Ahmadi");
        assertThat(card.organizationName()).isNull();
        assertThat(card.expectedCloseDate()).isEqualTo(LocalDate.parse("2027-01-15"));
        assertThat(card.createdAt()).isEqualTo(T0);
        assertThat(card.stageEnteredAt()).isEqualTo(T0);
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.DealUpdated(timeline.history().get(0).id(),
                HistoryType.DEAL_UPDATED, updatedAt, DealStory.USER, List.of(
                new HistoryEntry.FieldChange("title", "Big order", "Bigger order"),
                new HistoryEntry.FieldChange("value", new DealCard.Amount("1200.00", "IRR"),
                        new DealCard.Amount("2500.50", "EUR")),
                new HistoryEntry.FieldChange("ownerId", "owner-1", "owner-2"),
                new HistoryEntry.FieldChange("organizationName", "Kariz Co", null),
                new HistoryEntry.FieldChange("expectedCloseDate", "2026-12-31", "2027-01-15"))));
    }

    @Test
    void removingTheValueShowsItAsNullOnTheCardAndInTheChange() {
        view.apply(deal.opened("Big order", SALES, "lead", T0));
        DealFields before = deal.fields();

        view.apply(deal.updated(new DealFields(before.title(), null, before.ownerId(), before.personName(),
                before.organizationName(), before.expectedCloseDate()), T0.plusSeconds(60)));

        assertThat(view.card("deal-1").value()).isNull();
        assertThat(view.timeline("deal-1").history().get(0)).isInstanceOfSatisfying(HistoryEntry.DealUpdated.class,
                updated -> assertThat(updated.changes()).containsExactly(new HistoryEntry.FieldChange("value",
                        new DealCard.Amount("1200.00", "IRR"), null)));
    }

    @Test
    void aMoveToAnotherPipelineTakesTheCardOffTheOldBoardOntoTheNew() {
        Instant movedAt = T0.plus(Duration.ofHours(26).plusMinutes(5));
        view.apply(deal.opened("Big order", SALES, "lead", T0),
                deal.scheduled("call-1", "call", "Call", TODAY_14_30, T0.plusSeconds(1)));
        assertThat(dealsOn(view.board(SALES), "lead")).containsExactly("deal-1");

        view.apply(deal.movedTo(PARTNERS, "contract", movedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.pipelineId()).isEqualTo(PARTNERS);
        assertThat(card.stageId()).isEqualTo("contract");
        assertThat(card.stageEnteredAt()).isEqualTo(movedAt);
        assertThat(card.indicator()).isEqualTo(Indicator.TODAY);
        assertThat(view.board(SALES).stages()).allSatisfy(stage -> assertThat(stage.deals()).isEmpty());
        assertThat(dealsOn(view.board(PARTNERS), "contract")).containsExactly("deal-1");
        assertThat(view.board(PARTNERS).stages().get(1).counts()).containsEntry(Indicator.TODAY, 1);
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.StageChanged(timeline.history().get(0).id(),
                HistoryType.STAGE_CHANGED, movedAt, DealStory.USER, SALES, "lead", PARTNERS, "contract", "Lead",
                "Contract", "PT26H5M", 26 * 3600L + 5 * 60));
    }

    @Test
    void aMoveWhoseEventDoesNotSayWhenTheStageWasEnteredHasNoTimeInStage() {
        view.apply(deal.opened("Big order", SALES, "lead", T0));
        view.apply(DealStory.withoutStageEnteredAt(deal.moved("proposal", T0.plusSeconds(90))));

        assertThat(view.timeline("deal-1").history().get(0)).isInstanceOfSatisfying(HistoryEntry.StageChanged.class,
                moved -> {
                    assertThat(moved.timeInStage()).isNull();
                    assertThat(moved.timeInStageSeconds()).isNull();
                });
    }

    @Test
    void aCancelledActivityLeavesThePlanAndIsNotCountedAsDone() {
        Instant cancelledAt = T0.plusSeconds(120);
        view.apply(deal.opened("Big order", SALES, "lead", T0),
                deal.scheduled("call-1", "call", "Overdue call", YESTERDAY_10_00, T0.plusSeconds(1)),
                deal.scheduled("demo-1", "meeting", "Demo", TOMORROW_ALL_DAY, T0.plusSeconds(2)));
        assertThat(view.card("deal-1").indicator()).isEqualTo(Indicator.OVERDUE);

        view.apply(deal.cancelled("call-1", "BY_USER", cancelledAt));

        DealCard card = view.card("deal-1");
        assertThat(card.indicator()).isEqualTo(Indicator.PLANNED);
        assertThat(card.nextActivity().id()).isEqualTo("demo-1");
        assertThat(card.openActivityCount()).isEqualTo(1);
        assertThat(card.doneActivityCount()).isZero();
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).extracting(PlannedActivity::id).containsExactly("demo-1");
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityCancelled(
                timeline.history().get(0).id(), HistoryType.ACTIVITY_CANCELLED, cancelledAt, DealStory.USER,
                "call-1", "call", "Overdue call", "BY_USER"));

        view.apply(deal.cancelled("demo-1", "BY_USER", cancelledAt.plusSeconds(1)));
        assertThat(view.card("deal-1").indicator()).isEqualTo(Indicator.NO_ACTIVITY);
    }

    @Test
    void theVersionIsTheLastDealEventsSequenceWhateverHappensToItsActivities() {
        view.apply(deal.opened("Big order", SALES, "lead", T0));
        assertThat(view.card("deal-1").version()).isZero();

        view.apply(deal.scheduled("call-1", "call", "Call", TODAY_14_30, T0.plusSeconds(1)),
                deal.completed("call-1", "Done", T0.plusSeconds(2)),
                deal.scheduled("call-2", "call", "Call", TODAY_14_30, T0.plusSeconds(3)),
                deal.cancelled("call-2", "BY_USER", T0.plusSeconds(4)));
        assertThat(view.card("deal-1").version()).isZero();

        view.apply(deal.updated(deal.fields(), T0.plusSeconds(5)), deal.moved("proposal", T0.plusSeconds(6)),
                deal.lost("No budget", T0.plusSeconds(7)), deal.reopened(T0.plusSeconds(8)));
        assertThat(view.card("deal-1").version()).isEqualTo(4);
        assertThat(view.board(SALES).stages().get(1).deals()).singleElement()
                .satisfies(card -> assertThat(card.version()).isEqualTo(4));
    }

    @Test
    void aDeletedDealIsGoneFromCardTimelineAndBoard() {
        view.apply(deal.opened("Big order", SALES, "lead", T0),
                deal.scheduled("call-1", "call", "Call", TODAY_14_30, T0.plusSeconds(1)));
        DealStory other = new DealStory(ORG, "deal-2");
        view.apply(other.opened("Stays", SALES, "lead", T0));

        view.apply(deal.deleted(T0.plusSeconds(60)));

        assertThat(view.hasCard("deal-1")).isFalse();
        assertThat(view.hasTimeline("deal-1")).isFalse();
        assertThat(dealsOn(view.board(SALES), "lead")).containsExactly("deal-2");
        assertThat(view.board(SALES).stages().get(0).counts()).containsEntry(Indicator.TODAY, 0)
                .containsEntry(Indicator.NO_ACTIVITY, 1);
        Document tombstone = view.collections.dealCards().find(Filters.eq("_id", "deal-1")).first();
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "organizationId", "dealSeq", "deletedAt",
                "deletedBy");
        assertThat(view.collections.timeline().countDocuments(Filters.eq("dealId", "deal-1"))).isZero();
        assertThat(view.collections.activities().countDocuments(Filters.eq("dealId", "deal-1"))).isZero();
    }

    @Test
    void eventsOfADeletedDealArrivingLaterDoNotBringItBack() {
        ConsumedEvent opened = deal.opened("Big order", SALES, "lead", T0);
        ConsumedEvent scheduled = deal.scheduled("call-1", "call", "Call", TODAY_14_30, T0.plusSeconds(1));
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(2));
        ConsumedEvent deleted = deal.deleted(T0.plusSeconds(60));
        ConsumedEvent cancelled = deal.cancelled("call-1", "DEAL_DELETED", T0.plusSeconds(61));
        ConsumedEvent lateActivity = deal.scheduled("call-2", "call", "Late", TODAY_14_30, T0.plusSeconds(3));
        view.apply(opened, moved, deleted);

        view.apply(scheduled, cancelled, lateActivity);
        // Redelivered deal events, as a consumer that lost its partition might write them.
        view.collections.positions().deleteOne(Filters.eq("_id", "deal:deal-1"));
        view.apply(opened, moved);

        assertThat(view.hasCard("deal-1")).isFalse();
        assertThat(view.hasTimeline("deal-1")).isFalse();
        assertThat(view.board(SALES).stages()).allSatisfy(stage -> assertThat(stage.deals()).isEmpty());
        assertThat(view.collections.timeline().countDocuments()).isZero();
        assertThat(view.collections.activities().countDocuments()).isZero();
    }

    @Test
    void deletionGivesTheSameReadModelsInAnyInterleavingWithTheDealsActivities() {
        List<ConsumedEvent> dealStream = List.of(deal.opened("Big order", SALES, "lead", T0),
                deal.updated(deal.fields(), T0.plusSeconds(5)), deal.deleted(T0.plusSeconds(60)));
        List<ConsumedEvent> call = List.of(deal.scheduled("call-1", "call", "Call", TODAY_14_30, T0.plusSeconds(1)),
                deal.cancelled("call-1", "DEAL_DELETED", T0.plusSeconds(61)));
        List<ConsumedEvent> done = List.of(deal.scheduled("call-2", "call", "Call", TODAY_14_30, T0.plusSeconds(2)),
                deal.completed("call-2", "Done", T0.plusSeconds(3)));
        List<List<ConsumedEvent>> orders = List.of(concat(dealStream, call, done), concat(call, done, dealStream),
                concat(List.of(call.get(0)), dealStream, List.of(call.get(1)), done));

        List<Object> cardDocuments = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            ReadModel model = newReadModel("delete_order" + i);
            model.apply(orders.get(i));
            assertThat(model.hasCard("deal-1")).isFalse();
            assertThat(model.collections.timeline().countDocuments()).isZero();
            cardDocuments.add(model.collections.dealCards().find(Filters.eq("_id", "deal-1")).first());
        }
        assertThat(cardDocuments).allSatisfy(document -> assertThat(document).isEqualTo(cardDocuments.get(0)));
    }

    @Test
    void newEventsGiveTheSameViewInAnyInterleavingAndTwiceChangesNothing() {
        List<ConsumedEvent> dealStream = List.of(deal.opened("Big order", SALES, "lead", T0),
                deal.updated(new DealFields("Renamed", null, "owner-2", null, null, null), T0.plusSeconds(10)),
                deal.movedTo(PARTNERS, "intro", T0.plusSeconds(20)));
        List<ConsumedEvent> call = List.of(deal.scheduled("call-1", "call", "Call", YESTERDAY_10_00, T0.plusSeconds(1)),
                deal.cancelled("call-1", "BY_USER", T0.plusSeconds(21)));
        List<ConsumedEvent> meeting = List.of(
                deal.scheduled("meeting-1", "meeting", "Demo", TOMORROW_ALL_DAY, T0.plusSeconds(2)),
                deal.completed("meeting-1", "Good", T0.plusSeconds(22)));
        List<List<ConsumedEvent>> orders = List.of(concat(dealStream, call, meeting),
                concat(meeting, call, dealStream), concat(call, dealStream, meeting));

        List<DealCard> cards = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            ReadModel model = newReadModel("new_order" + i);
            model.apply(orders.get(i));
            model.apply(orders.get(i));
            cards.add(model.card("deal-1"));
            timelines.add(model.timeline("deal-1"));
        }

        assertThat(cards.get(0)).satisfies(card -> {
            assertThat(card.title()).isEqualTo("Renamed");
            assertThat(card.pipelineId()).isEqualTo(PARTNERS);
            assertThat(card.openActivityCount()).isZero();
            assertThat(card.doneActivityCount()).isEqualTo(1);
            assertThat(card.indicator()).isEqualTo(Indicator.NO_ACTIVITY);
            assertThat(card.version()).isEqualTo(2);
        });
        assertThat(timelines.get(0).history()).hasSize(7);
        assertThat(cards).allSatisfy(card -> assertThat(card).isEqualTo(cards.get(0)));
        assertThat(timelines).allSatisfy(timeline -> assertThat(timeline).isEqualTo(timelines.get(0)));
    }

    private static List<String> dealsOn(Board board, String stageId) {
        return board.stages().stream().filter(stage -> stage.id().equals(stageId)).findFirst().orElseThrow()
                .deals().stream().map(DealCard::id).toList();
    }

    @SafeVarargs
    private static List<ConsumedEvent> concat(List<ConsumedEvent>... streams) {
        List<ConsumedEvent> all = new ArrayList<>();
        for (List<ConsumedEvent> stream : streams) {
            all.addAll(stream);
        }
        return all;
    }
}
