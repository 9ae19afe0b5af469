package app.kariz.view.agenda;

import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.Due;
import app.kariz.kernel.InvalidInputException;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.card.QueryFixture;
import app.kariz.view.indicator.Indicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static app.kariz.view.card.QueryFixture.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgendasTest {

    private static final String ASSIGNEE = "assignee-1";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static InProcessMongo mongo;
    private QueryFixture view;
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
    void oneDeal() {
        view = new QueryFixture(mongo.freshDatabase("agenda"), T0);
        deal = view.open("deal-1", "lead", "قرارداد پشتیبانی", "owner-1", "10.00", "IRR", T0);
    }

    @Test
    void anAllDayActivityJoinsTodayAtLocalMidnightInTehranAndTurnsOverdueAtTheNext() {
        schedule("call", due("2026-03-10", null, "Asia/Tehran"), T0);

        at("2026-03-09T20:29:00Z");   // 23:59 on 9 March in Tehran
        Agenda before = agenda(null);
        assertThat(before.date()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(before.today()).isEmpty();
        assertThat(before.overdue()).isEmpty();
        assertThat(agenda(LocalDate.parse("2026-03-10")).today()).extracting(AgendaItem::state)
                .containsExactly(Indicator.PLANNED);

        for (String midnight : List.of("2026-03-09T20:30:00Z", "2026-03-09T20:31:00Z")) {   // 00:00 and 00:01
            at(midnight);
            Agenda today = agenda(null);
            assertThat(today.date()).isEqualTo(LocalDate.parse("2026-03-10"));
            assertThat(today.today()).extracting(AgendaItem::id, AgendaItem::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("call", Indicator.TODAY));
            assertThat(today.overdue()).isEmpty();
        }

        at("2026-03-10T20:29:00Z");   // 23:59 on 10 March
        assertThat(agenda(null).today()).extracting(AgendaItem::id).containsExactly("call");
        for (String midnight : List.of("2026-03-10T20:30:00Z", "2026-03-10T20:31:00Z")) {   // 00:00 and 00:01
            at(midnight);
            Agenda next = agenda(null);
            assertThat(next.date()).isEqualTo(LocalDate.parse("2026-03-11"));
            assertThat(next.today()).isEmpty();
            assertThat(next.overdue()).extracting(AgendaItem::id, AgendaItem::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("call", Indicator.OVERDUE));
            assertThat(agenda(LocalDate.parse("2026-03-10")).today()).as("due that day, but overdue now").isEmpty();
        }
    }

    @Test
    void aTimedActivityMovesFromTodayToOverdueAtItsDueInstant() {
        schedule("call", due("2026-03-10", "14:30", "Asia/Tehran"), T0);   // 11:00 UTC

        at("2026-03-10T10:59:00Z");
        assertThat(agenda(null).today()).extracting(AgendaItem::id).containsExactly("call");
        assertThat(agenda(null).overdue()).isEmpty();
        at("2026-03-10T11:01:00Z");
        assertThat(agenda(null).today()).isEmpty();
        assertThat(agenda(null).overdue()).extracting(AgendaItem::id).containsExactly("call");
    }

    @Test
    void bothListsAreOrderedByDueThenBySchedulingAndShowTheirDeal() {
        schedule("late-all-day", due("2026-03-08", null, "Asia/Tehran"), T0);           // due 20:30 UTC on 8 March
        schedule("late-morning", due("2026-03-08", "09:00", "Asia/Tehran"), T0.plusSeconds(5));
        schedule("late-same-due-second", due("2026-03-08", "09:00", "Asia/Tehran"), T0.plusSeconds(9));
        schedule("late-same-due-first", due("2026-03-08", "09:00", "Asia/Tehran"), T0.plusSeconds(7));
        schedule("later-today", due("2026-03-10", "18:00", "Asia/Tehran"), T0);
        schedule("all-day-today", due("2026-03-10", null, "Asia/Tehran"), T0);
        schedule("soon-today", due("2026-03-10", "12:00", "Asia/Tehran"), T0);
        schedule("tomorrow", due("2026-03-11", null, "Asia/Tehran"), T0);

        at("2026-03-10T07:00:00Z");   // 10:30 in Tehran
        Agenda agenda = agenda(null);

        assertThat(agenda.overdue()).extracting(AgendaItem::id).containsExactly("late-morning",
                "late-same-due-first", "late-same-due-second", "late-all-day");
        assertThat(agenda.today()).extracting(AgendaItem::id).containsExactly("soon-today", "later-today",
                "all-day-today");
        AgendaItem first = agenda.today().get(0);
        assertThat(first.dealId()).isEqualTo("deal-1");
        assertThat(first.dealTitle()).isEqualTo("قرارداد پشتیبانی");
        assertThat(first.dueDate()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(first.dueTime()).isEqualTo("12:00");
        assertThat(first.timeZone()).isEqualTo("Asia/Tehran");
        assertThat(first.type()).isEqualTo("call");
        assertThat(agenda.assigneeId()).isEqualTo(ASSIGNEE);
        assertThat(agenda.timeZone()).isEqualTo("Asia/Tehran");
    }

    @Test
    void todayIsJudgedInEachActivitysOwnZone() {
        // At 02:00 UTC on 10 March it is already the 10th in Tehran but still the 9th in New York.
        schedule("tehran", due("2026-03-10", null, "Asia/Tehran"), T0);
        schedule("new-york", due("2026-03-09", "23:00", "America/New_York"), T0);

        at("2026-03-10T02:00:00Z");

        assertThat(agenda(LocalDate.parse("2026-03-10")).today()).extracting(AgendaItem::id).containsExactly("tehran");
        assertThat(agenda(LocalDate.parse("2026-03-09")).today()).extracting(AgendaItem::id)
                .containsExactly("new-york");
        Agenda inNewYork = view.agendas.find(ORG, ASSIGNEE, null, ZoneId.of("America/New_York"));
        assertThat(inNewYork.date()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(inNewYork.today()).extracting(AgendaItem::id).containsExactly("new-york");
    }

    @Test
    void onlyTheAssigneesOpenActivitiesOfVisibleDealsAreListed() {
        Due today = due("2026-03-10", null, "Asia/Tehran");
        schedule("mine", today, T0);
        schedule("someone-elses", today, T0);
        view.apply(deal.activityUpdated("someone-elses", new ActivityFields("call", "Call", 30, "assignee-2",
                null, null), T0));
        schedule("done", today, T0);
        view.apply(deal.completed("done", "Talked", T0));
        schedule("cancelled", today, T0);
        view.apply(deal.cancelled("cancelled", "BY_USER", T0));
        DealStory deleted = view.open("deal-2", "lead", "Gone", "owner-1", "1.00", "IRR", T0);
        view.apply(deleted.scheduled("of-a-deleted-deal", "call", "Call", today, T0), deleted.deleted(T0));
        DealStory unopened = new DealStory(ORG, "deal-3");   // its DealOpened has not arrived
        view.apply(unopened.scheduled("of-an-unopened-deal", "call", "Call", today, T0));
        DealStory won = view.open("deal-4", "lead", "Won", "owner-1", "1.00", "IRR", T0);
        view.apply(won.scheduled("of-a-won-deal", "call", "Call", today, T0), won.won(T0));

        at("2026-03-10T07:00:00Z");

        assertThat(agenda(null).today()).extracting(AgendaItem::id).containsExactlyInAnyOrder("mine",
                "of-a-won-deal");
        assertThat(view.agendas.find(ORG, "assignee-2", null, TEHRAN).today()).extracting(AgendaItem::id)
                .containsExactly("someone-elses");
        assertThat(view.agendas.find("org-2", ASSIGNEE, null, TEHRAN).today()).isEmpty();
    }

    @Test
    void overduePagesHoldEachActivityOnceInDueOrderEvenAcrossEqualDueInstants() {
        // 23 overdue at two due instants, each shared by activities scheduled at two instants, so the order (and
        // the page boundaries, at 10 and 20) fall within runs that only the id tells apart; ids run against it.
        for (int i = 0; i < 23; i++) {
            String date = i % 2 == 0 ? "2026-03-08" : "2026-03-09";
            schedule(String.format("late-%02d", 22 - i), due(date, "09:00", "Asia/Tehran"),
                    T0.plusSeconds(i % 3 == 0 ? 1 : 0));
        }
        schedule("soon-today", due("2026-03-10", "12:00", "Asia/Tehran"), T0);
        schedule("later-today", due("2026-03-10", "18:00", "Asia/Tehran"), T0);
        at("2026-03-10T07:00:00Z");   // 10:30 in Tehran
        List<String> inDueOrder = view.agendas.find(ORG, ASSIGNEE, null, TEHRAN, Agendas.MAX_LIMIT, null, null)
                .overdue().stream().map(AgendaItem::id).toList();
        assertThat(inDueOrder).hasSize(23).doesNotHaveDuplicates();

        List<String> paged = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();
        AgendaCursor after = null;
        do {
            Agenda page = view.agendas.find(ORG, ASSIGNEE, null, TEHRAN, 10, after, null);
            assertThat(page.overdueCount()).isEqualTo(23);
            assertThat(page.today()).extracting(AgendaItem::id).containsExactly("soon-today", "later-today");
            assertThat(page.todayCount()).isEqualTo(2);
            assertThat(page.todayNextCursor()).isNull();
            page.overdue().forEach(item -> paged.add(item.id()));
            sizes.add(page.overdue().size());
            after = AgendaCursor.parse(page.overdueNextCursor(), AgendaCursor.Listing.OVERDUE);
        } while (after != null);

        assertThat(sizes).containsExactly(10, 10, 3);
        assertThat(paged).isEqualTo(inDueOrder);
        assertThat(paged).as("by due, then scheduling, then id").containsExactly(
                "late-00", "late-02", "late-06", "late-08", "late-12", "late-14", "late-18", "late-20",
                "late-04", "late-10", "late-16", "late-22",
                "late-03", "late-05", "late-09", "late-11", "late-15", "late-17", "late-21",
                "late-01", "late-07", "late-13", "late-19");
    }

    @Test
    void todayIsPagedTheSameWayAndAnExactLastPageHasNoNextCursor() {
        for (int i = 0; i < 6; i++) {
            schedule("today-" + i, due("2026-03-10", i < 3 ? "12:00" : null, "Asia/Tehran"), T0);
        }
        schedule("late", due("2026-03-09", null, "Asia/Tehran"), T0);
        at("2026-03-10T07:00:00Z");

        Agenda first = view.agendas.find(ORG, ASSIGNEE, null, TEHRAN, 3, null, null);
        assertThat(first.today()).extracting(AgendaItem::id).containsExactly("today-0", "today-1", "today-2");
        assertThat(first.todayCount()).isEqualTo(6);
        assertThat(first.overdue()).extracting(AgendaItem::id).containsExactly("late");
        assertThat(first.overdueCount()).isEqualTo(1);
        assertThat(first.overdueNextCursor()).isNull();

        Agenda second = view.agendas.find(ORG, ASSIGNEE, null, TEHRAN, 3, null,
                AgendaCursor.parse(first.todayNextCursor(), AgendaCursor.Listing.TODAY));
        assertThat(second.today()).extracting(AgendaItem::id).containsExactly("today-3", "today-4", "today-5");
        assertThat(second.todayCount()).isEqualTo(6);
        assertThat(second.todayNextCursor()).as("exactly a page: no empty page after it").isNull();
        assertThat(second.overdue()).extracting(AgendaItem::id).containsExactly("late");
    }

    @Test
    void theCountsLeaveOutOthersActivitiesAndDoneOnes() {
        Due late = due("2026-03-09", null, "Asia/Tehran");
        schedule("mine", late, T0);
        schedule("done", late, T0);
        view.apply(deal.completed("done", "Talked", T0));
        schedule("someone-elses", late, T0);
        view.apply(deal.activityUpdated("someone-elses", new ActivityFields("call", "Call", 30, "assignee-2",
                null, null), T0));
        at("2026-03-10T07:00:00Z");

        Agenda agenda = agenda(null);
        assertThat(agenda.overdue()).extracting(AgendaItem::id).containsExactly("mine");
        assertThat(agenda.overdueCount()).isEqualTo(1);
        assertThat(agenda.todayCount()).isZero();
        assertThat(agenda.overdueNextCursor()).isNull();
        assertThat(agenda.todayNextCursor()).isNull();
    }

    @Test
    void aCursorIsValidOnlyForItsOwnList() {
        String overdueCursor = new AgendaCursor(AgendaCursor.Listing.OVERDUE, T0, T0, "a|b").encode();
        assertThat(AgendaCursor.parse(overdueCursor, AgendaCursor.Listing.OVERDUE).id()).isEqualTo("a|b");
        for (String invalid : List.of(overdueCursor, "nonsense", "%%", "YWdlbmRhLXRvZGF5fHh8fGlk", "YWdlbmRhLXRvZGF5fHx8aWQ")) {
            assertThatThrownBy(() -> AgendaCursor.parse(invalid, AgendaCursor.Listing.TODAY))
                    .isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                    .containsExactly("todayCursor"));
        }
        assertThatThrownBy(() -> AgendaCursor.parse("bm9wZQ", AgendaCursor.Listing.OVERDUE))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors().get(0).field()).isEqualTo("overdueCursor"));
    }

    private void schedule(String activityId, Due due, Instant at) {
        view.apply(deal.scheduled(activityId, "call", "Call " + activityId, due, at));
    }

    private void at(String instant) {
        view.clock.set(Instant.parse(instant));
    }

    private Agenda agenda(LocalDate date) {
        return view.agendas.find(ORG, ASSIGNEE, date, TEHRAN);
    }

    private static Due due(String date, String time, String zone) {
        return new Due(LocalDate.parse(date), time == null ? null : LocalTime.parse(time), zone);
    }
}
