package app.kariz.view.projection;

import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.SettableClock;
import app.kariz.view.activity.Activity;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.DealCard;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Rescheduled, edited and reopened activities and the activity read, applied to the read models. "Now" is 11:30 on
 * 27 November in Tehran unless a test moves the clock.
 */
class ActivityChangesProjectionTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final String TEHRAN = "Asia/Tehran";
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due YESTERDAY_10_00 = new Due(LocalDate.parse("2026-11-26"), LocalTime.parse("10:00"), TEHRAN);
    private static final Due TODAY_12_00 = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("12:00"), TEHRAN);
    private static final Due TODAY_14_30 = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("14:30"), TEHRAN);
    private static final Due TODAY_ALL_DAY = new Due(LocalDate.parse("2026-11-27"), null, TEHRAN);
    private static final Due TOMORROW_ALL_DAY = new Due(LocalDate.parse("2026-11-28"), null, TEHRAN);
    private static final Due NEXT_WEEK_11_00 = new Due(LocalDate.parse("2026-12-04"), LocalTime.parse("11:00"), TEHRAN);
    private static final String SUBJECT = "Call about the quote";

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
        view = newReadModel("activity_changes");
        deal = new DealStory(ORG, "deal-1");
    }

    private ReadModel newReadModel(String database) {
        ReadModel model = new ReadModel(mongo.freshDatabase(database), clock, ORG);
        model.apply(DealStory.pipelineCreated(ORG, PIPELINE, "Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("proposal", "Proposal", 1, null))));
        return model;
    }

    @Test
    void reschedulingEarlierMakesAPlannedDealOverdue() {
        Instant rescheduledAt = T0.plusSeconds(120);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TOMORROW_ALL_DAY, T0.plusSeconds(60)));
        assertThat(view.card("deal-1").indicator()).isEqualTo(Indicator.PLANNED);

        view.apply(deal.rescheduled("call-1", YESTERDAY_10_00, rescheduledAt));

        DealCard card = view.card("deal-1");
        assertThat(card.indicator()).isEqualTo(Indicator.OVERDUE);
        assertThat(card.nextActivity()).isEqualTo(new NextActivity("call-1", "call", SUBJECT,
                LocalDate.parse("2026-11-26"), "10:00", TEHRAN));
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).singleElement().satisfies(activity -> {
            assertThat(activity.state()).isEqualTo(Indicator.OVERDUE);
            assertThat(activity.dueDate()).isEqualTo(LocalDate.parse("2026-11-26"));
            assertThat(activity.dueTime()).isEqualTo("10:00");
        });
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityRescheduled(eventId(timeline, 0),
                HistoryType.ACTIVITY_RESCHEDULED, rescheduledAt, DealStory.USER, "call-1", "call", SUBJECT,
                new DueView(LocalDate.parse("2026-11-28"), null, TEHRAN),
                new DueView(LocalDate.parse("2026-11-26"), "10:00", TEHRAN)));
        assertThat(view.activity("call-1").state()).isEqualTo(Indicator.OVERDUE);
    }

    @Test
    void reschedulingToAnAllDayTodayMakesTheDealTodayUntilMidnightInTheActivitysZone() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, NEXT_WEEK_11_00, T0.plusSeconds(60)),
                deal.rescheduled("call-1", TODAY_ALL_DAY, T0.plusSeconds(120)));

        assertThat(view.card("deal-1").indicator()).isEqualTo(Indicator.TODAY);
        clock.set(Instant.parse("2026-11-27T20:29:00Z"));
        assertThat(view.card("deal-1").indicator()).as("23:59 in Tehran").isEqualTo(Indicator.TODAY);
        assertThat(view.timeline("deal-1").planned().get(0).state()).isEqualTo(Indicator.TODAY);
        clock.set(Instant.parse("2026-11-27T20:31:00Z"));
        assertThat(view.card("deal-1").indicator()).as("00:01 in Tehran").isEqualTo(Indicator.OVERDUE);
        assertThat(view.timeline("deal-1").planned().get(0).state()).isEqualTo(Indicator.OVERDUE);
        assertThat(view.activity("call-1").state()).isEqualTo(Indicator.OVERDUE);
    }

    @Test
    void reschedulingReordersThePlanAndChangesTheNextActivity() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, T0.plusSeconds(1)),
                deal.scheduled("meeting-1", "meeting", "Demo", TOMORROW_ALL_DAY, T0.plusSeconds(2)));
        assertThat(view.card("deal-1").nextActivity().id()).isEqualTo("call-1");

        view.apply(deal.rescheduled("meeting-1", TODAY_12_00, T0.plusSeconds(3)));

        assertThat(view.card("deal-1").nextActivity()).isEqualTo(new NextActivity("meeting-1", "meeting", "Demo",
                LocalDate.parse("2026-11-27"), "12:00", TEHRAN));
        assertThat(view.timeline("deal-1").planned()).extracting(PlannedActivity::id)
                .containsExactly("meeting-1", "call-1");

        view.apply(deal.rescheduled("meeting-1", NEXT_WEEK_11_00, T0.plusSeconds(4)));

        assertThat(view.card("deal-1").nextActivity().id()).isEqualTo("call-1");
        assertThat(view.timeline("deal-1").planned()).extracting(PlannedActivity::id)
                .containsExactly("call-1", "meeting-1");
    }

    @Test
    void aRescheduleIsNotAPostponement() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_12_00, T0.plusSeconds(1)),
                deal.postponed("call-1", TOMORROW_ALL_DAY, "Busy", T0.plusSeconds(2)),
                deal.rescheduled("call-1", TODAY_14_30, T0.plusSeconds(3)));

        assertThat(view.timeline("deal-1").planned()).singleElement()
                .satisfies(activity -> assertThat(activity.postponeCount()).isEqualTo(1));
        assertThat(view.activity("call-1").postponeCount()).isEqualTo(1);
        assertThat(view.timeline("deal-1").history()).extracting(HistoryEntry::type).startsWith(
                HistoryType.ACTIVITY_RESCHEDULED, HistoryType.ACTIVITY_POSTPONED);
    }

    @Test
    void anEditChangesTheActivityTheCardsNextActivityAndListsEachChange() {
        Instant updatedAt = T0.plusSeconds(120);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, "Their office", T0.plusSeconds(60)));
        ActivityFields edited = new ActivityFields("meeting", "جلسه معرفی محصول", 90, "assignee-2",
                "Bring the deck", "Valiasr St. 12");

        view.apply(deal.activityUpdated("call-1", edited, updatedAt));

        assertThat(view.card("deal-1").nextActivity()).isEqualTo(new NextActivity("call-1", "meeting",
                "جلسه معرفی محصول", LocalDate.parse("2026-11-27"), "14:30", TEHRAN));
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).containsExactly(new PlannedActivity("call-1", "meeting", "جلسه معرفی محصول",
                LocalDate.parse("2026-11-27"), "14:30", TEHRAN, Indicator.TODAY, 90, "assignee-2", "Bring the deck",
                "Valiasr St. 12", T0.plusSeconds(60), DealStory.USER, 0));
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityUpdated(eventId(timeline, 0),
                HistoryType.ACTIVITY_UPDATED, updatedAt, DealStory.USER, "call-1", "meeting", "جلسه معرفی محصول",
                List.of(new HistoryEntry.FieldChange("type", "call", "meeting"),
                        new HistoryEntry.FieldChange("subject", SUBJECT, "جلسه معرفی محصول"),
                        new HistoryEntry.FieldChange("durationMinutes", 30, 90),
                        new HistoryEntry.FieldChange("assigneeId", "assignee-1", "assignee-2"),
                        new HistoryEntry.FieldChange("note", "note", "Bring the deck"),
                        new HistoryEntry.FieldChange("location", "Their office", "Valiasr St. 12"))));
        assertThat(timeline.history().get(1)).as("what was scheduled stays as it was")
                .isInstanceOfSatisfying(HistoryEntry.ActivityScheduled.class, scheduled -> {
                    assertThat(scheduled.activityType()).isEqualTo("call");
                    assertThat(scheduled.subject()).isEqualTo(SUBJECT);
                });
        assertThat(view.activity("call-1")).satisfies(activity -> {
            assertThat(activity.type()).isEqualTo("meeting");
            assertThat(activity.durationMinutes()).isEqualTo(90);
            assertThat(activity.location()).isEqualTo("Valiasr St. 12");
            assertThat(activity.version()).isEqualTo(1);
        });
    }

    @Test
    void anEditListsOnlyTheFieldsItChangedAndMayClearOne() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, "Their office", T0.plusSeconds(60)));
        ActivityFields before = deal.fieldsOf("call-1");

        view.apply(deal.activityUpdated("call-1", new ActivityFields(before.type(), before.subject(),
                before.durationMinutes(), before.assigneeId(), "Ask for Mr Karimi", null), T0.plusSeconds(120)));

        assertThat(view.timeline("deal-1").history().get(0)).isInstanceOfSatisfying(
                HistoryEntry.ActivityUpdated.class, updated -> assertThat(updated.changes()).containsExactly(
                        new HistoryEntry.FieldChange("note", "note", "Ask for Mr Karimi"),
                        new HistoryEntry.FieldChange("location", "Their office", null)));
        assertThat(view.timeline("deal-1").planned().get(0).location()).isNull();
        assertThat(view.activity("call-1").note()).isEqualTo("Ask for Mr Karimi");
    }

    @Test
    void reopeningADoneActivityPutsItBackOnThePlanAndItsResultNoLongerStands() {
        Instant completedAt = T0.plusSeconds(120);
        Instant reopenedAt = T0.plusSeconds(180);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, T0.plusSeconds(60)),
                deal.completed("call-1", "Left a message", completedAt));
        assertThat(view.card("deal-1")).satisfies(card -> {
            assertThat(card.indicator()).isEqualTo(Indicator.NO_ACTIVITY);
            assertThat(card.doneActivityCount()).isEqualTo(1);
        });

        view.apply(deal.activityReopened("call-1", reopenedAt));

        DealCard card = view.card("deal-1");
        assertThat(card.openActivityCount()).isEqualTo(1);
        assertThat(card.doneActivityCount()).isZero();
        assertThat(card.indicator()).isEqualTo(Indicator.TODAY);
        assertThat(card.nextActivity().id()).isEqualTo("call-1");
        Timeline timeline = view.timeline("deal-1");
        assertThat(timeline.planned()).extracting(PlannedActivity::id, PlannedActivity::state)
                .containsExactly(tuple("call-1", Indicator.TODAY));
        assertThat(timeline.history()).extracting(HistoryEntry::type).containsExactly(HistoryType.ACTIVITY_REOPENED,
                HistoryType.ACTIVITY_COMPLETED, HistoryType.ACTIVITY_SCHEDULED, HistoryType.DEAL_OPENED);
        assertThat(timeline.history().get(0)).isEqualTo(new HistoryEntry.ActivityReopened(eventId(timeline, 0),
                HistoryType.ACTIVITY_REOPENED, reopenedAt, DealStory.USER, "call-1", "call", SUBJECT));
        assertThat(timeline.history().get(1)).as("the mistaken tick stays in the history")
                .isInstanceOfSatisfying(HistoryEntry.ActivityCompleted.class,
                        completed -> assertThat(completed.result()).isEqualTo("Left a message"));
        assertThat(view.activity("call-1")).satisfies(activity -> {
            assertThat(activity.status()).isEqualTo(ActivityStatus.OPEN);
            assertThat(activity.state()).isEqualTo(Indicator.TODAY);
            assertThat(activity.result()).isNull();
            assertThat(activity.completedAt()).isNull();
            assertThat(activity.version()).isEqualTo(2);
        });
    }

    @Test
    void aReopenedActivityCanBeDoneAgain() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, T0.plusSeconds(60)),
                deal.completed("call-1", "Left a message", T0.plusSeconds(120)),
                deal.activityReopened("call-1", T0.plusSeconds(180)),
                deal.completed("call-1", "Reached her: wants a demo", T0.plusSeconds(240)));

        assertThat(view.card("deal-1").doneActivityCount()).isEqualTo(1);
        assertThat(view.activity("call-1")).satisfies(activity -> {
            assertThat(activity.status()).isEqualTo(ActivityStatus.DONE);
            assertThat(activity.state()).isNull();
            assertThat(activity.result()).isEqualTo("Reached her: wants a demo");
            assertThat(activity.completedAt()).isEqualTo(T0.plusSeconds(240));
        });
    }

    @Test
    void anActivityShowsEveryFieldItsStatusAndItsDeal() {
        Instant scheduledAt = T0.plusSeconds(60);
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, "Their office", scheduledAt),
                deal.scheduled("meeting-1", "meeting", "Demo", TOMORROW_ALL_DAY, T0.plusSeconds(61)),
                deal.scheduled("task-1", "task", "Send the contract", TOMORROW_ALL_DAY, T0.plusSeconds(62)),
                deal.completed("meeting-1", "Went well", T0.plusSeconds(120)),
                deal.cancelled("task-1", "BY_USER", T0.plusSeconds(130)));

        assertThat(view.activity("call-1")).isEqualTo(new Activity("call-1", "deal-1", "Big order", "call", SUBJECT,
                LocalDate.parse("2026-11-27"), "14:30", TEHRAN, 30, "assignee-1", "note", "Their office",
                ActivityStatus.OPEN, Indicator.TODAY, null, null, null, 0, scheduledAt, DealStory.USER, 0));
        assertThat(view.activity("meeting-1")).satisfies(done -> {
            assertThat(done.status()).isEqualTo(ActivityStatus.DONE);
            assertThat(done.state()).isNull();
            assertThat(done.result()).isEqualTo("Went well");
            assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(done.dueTime()).isNull();
            assertThat(done.version()).isEqualTo(1);
        });
        assertThat(view.activity("task-1")).satisfies(cancelled -> {
            assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
            assertThat(cancelled.state()).isNull();
            assertThat(cancelled.cancelledAt()).isEqualTo(T0.plusSeconds(130));
        });
        DealFields before = deal.fields();
        view.apply(deal.updated(new DealFields("Bigger order", before.value(), before.ownerId(), before.personName(),
                before.organizationName(), before.expectedCloseDate()), T0.plusSeconds(200)));
        assertThat(view.activity("call-1").dealTitle()).isEqualTo("Bigger order");
    }

    @Test
    void anActivityIsVisibleOnlyWithItsDealAndToItsOrganisation() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        view.apply(deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, T0.plusSeconds(60)));
        assertThat(view.hasActivity("call-1")).as("before its deal arrived").isFalse();

        view.apply(opened);
        assertThat(view.hasActivity("call-1")).isTrue();
        assertThat(new ReadModel(view.database, clock, "org-2").hasActivity("call-1")).isFalse();
        assertThat(view.hasActivity("call-404")).isFalse();

        view.apply(deal.deleted(T0.plusSeconds(120)), deal.cancelled("call-1", "DEAL_DELETED", T0.plusSeconds(121)));
        assertThat(view.hasActivity("call-1")).as("after its deal was deleted").isFalse();
    }

    @Test
    void applyingEveryNewEventTwiceChangesNothing() {
        List<ConsumedEvent> events = storyWithEveryActivityChange(deal);
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
    void reapplyingTheNewEventsAfterACrashBeforeTheirPositionsChangesNothing() {
        view.apply(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TODAY_14_30, T0.plusSeconds(1)),
                deal.completed("call-1", "Done", T0.plusSeconds(2)));
        List<ConsumedEvent> changes = List.of(deal.activityReopened("call-1", T0.plusSeconds(3)),
                deal.rescheduled("call-1", YESTERDAY_10_00, T0.plusSeconds(4)),
                deal.activityUpdated("call-1", new ActivityFields("meeting", "Demo", 60, "assignee-1", null, "HQ"),
                        T0.plusSeconds(5)));
        view.apply(changes);
        Map<String, List<Document>> applied = view.snapshot();

        view.collections.positions().updateOne(Filters.eq("_id", "activity:call-1"), Updates.set("seq", 1L));
        view.apply(changes);

        assertThat(view.snapshot()).isEqualTo(applied);
    }

    @Test
    void dealAndActivityEventsGiveTheSameViewInAnyInterleaving() {
        List<ConsumedEvent> dealStream = List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.moved("proposal", T0.plusSeconds(10)), deal.updated(deal.fields(), T0.plusSeconds(20)));
        List<ConsumedEvent> call = List.of(
                deal.scheduled("call-1", "call", SUBJECT, TOMORROW_ALL_DAY, T0.plusSeconds(1)),
                deal.rescheduled("call-1", YESTERDAY_10_00, T0.plusSeconds(11)),
                deal.activityUpdated("call-1", new ActivityFields("call", "Call the CFO", 15, "assignee-2", null,
                        null), T0.plusSeconds(12)));
        List<ConsumedEvent> meeting = List.of(
                deal.scheduled("meeting-1", "meeting", "Demo", TODAY_14_30, "HQ", T0.plusSeconds(2)),
                deal.completed("meeting-1", "Went well", T0.plusSeconds(13)),
                deal.activityReopened("meeting-1", T0.plusSeconds(14)));
        List<ConsumedEvent> task = List.of(
                deal.scheduled("task-1", "task", "Send the contract", NEXT_WEEK_11_00, T0.plusSeconds(3)),
                deal.completed("task-1", "Sent", T0.plusSeconds(15)));
        List<List<ConsumedEvent>> orders = new ArrayList<>();
        orders.add(concat(dealStream, call, meeting, task));
        orders.add(concat(task, meeting, call, dealStream));
        Random random = new Random(7);
        for (int i = 0; i < 8; i++) {
            orders.add(randomInterleaving(random, dealStream, call, meeting, task));
        }

        List<DealCard> cards = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        List<Map<String, List<Document>>> snapshots = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            ReadModel model = newReadModel("order" + i);
            model.apply(orders.get(i));
            cards.add(model.card("deal-1"));
            timelines.add(model.timeline("deal-1"));
            Map<String, List<Document>> snapshot = model.snapshot();
            snapshot.remove("positions");
            snapshots.add(snapshot);
        }

        assertThat(cards.get(0)).satisfies(card -> {
            assertThat(card.openActivityCount()).isEqualTo(2);
            assertThat(card.doneActivityCount()).isEqualTo(1);
            assertThat(card.indicator()).isEqualTo(Indicator.OVERDUE);
            assertThat(card.nextActivity()).isEqualTo(new NextActivity("call-1", "call", "Call the CFO",
                    LocalDate.parse("2026-11-26"), "10:00", TEHRAN));
        });
        assertThat(timelines.get(0).planned()).extracting(PlannedActivity::id).containsExactly("call-1", "meeting-1");
        assertThat(cards).allSatisfy(card -> assertThat(card).isEqualTo(cards.get(0)));
        assertThat(timelines).allSatisfy(timeline -> assertThat(timeline).isEqualTo(timelines.get(0)));
        assertThat(snapshots).allSatisfy(snapshot -> assertThat(snapshot).isEqualTo(snapshots.get(0)));
    }

    private static List<ConsumedEvent> storyWithEveryActivityChange(DealStory deal) {
        return List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.scheduled("call-1", "call", SUBJECT, TOMORROW_ALL_DAY, "Their office", T0.plusSeconds(1)),
                deal.rescheduled("call-1", YESTERDAY_10_00, T0.plusSeconds(2)),
                deal.postponed("call-1", TODAY_14_30, "Busy", T0.plusSeconds(3)),
                deal.activityUpdated("call-1", new ActivityFields("meeting", "Demo", 60, "assignee-2", null, "HQ"),
                        T0.plusSeconds(4)),
                deal.completed("call-1", "Went well", T0.plusSeconds(5)),
                deal.activityReopened("call-1", T0.plusSeconds(6)));
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
