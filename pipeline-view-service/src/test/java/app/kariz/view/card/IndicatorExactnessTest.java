package app.kariz.view.card;

import app.kariz.events.activity.Due;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.agenda.Agenda;
import app.kariz.view.agenda.AgendaItem;
import app.kariz.view.board.Board;
import app.kariz.view.board.BoardFilter;
import app.kariz.view.deallist.DealQuery;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorQuery;
import app.kariz.view.indicator.IndicatorRule;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static app.kariz.view.card.QueryFixture.ORG;
import static app.kariz.view.card.QueryFixture.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three forms of the one indicator rule against each other, with a fixed clock at day boundaries (Asia/Tehran,
 * UTC+03:30, and other zones), DST changes and due instants: the rule judging each card by itself
 * ({@link IndicatorRule}, used by the deal card), its database filters
 * ({@link IndicatorQuery}, used by the board and the deal list, and counted in memory by the board), and the
 * agenda's lists and the state it shows for each activity.
 */
class IndicatorExactnessTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T08:00:00Z");
    private static InProcessMongo mongo;
    private QueryFixture view;
    private final Set<String> dealIds = new TreeSet<>();
    /** The open activities (all assigned to {@link #ASSIGNEE}) by id, with when each is due. */
    private final Map<String, Due> openActivities = new TreeMap<>();
    private static final String ASSIGNEE = "assignee-1";

    @BeforeAll
    static void startMongo() {
        mongo = InProcessMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshView() {
        view = new QueryFixture(mongo.freshDatabase("exactness"), CREATED);
    }

    @Test
    void anAllDayActivityInTehranIsTodayFromItsLocalMidnightAndOverdueFromTheNext() {
        deal("tehran-all-day", due("2026-03-10", null, "Asia/Tehran"));

        // Tehran is UTC+03:30 all year: local midnight of 10 March is 20:30 UTC on 9 March.
        expect("2026-03-09T20:29:00Z", "tehran-all-day", Indicator.PLANNED);  // 23:59 on the 9th
        expect("2026-03-09T20:30:00Z", "tehran-all-day", Indicator.TODAY);    // 00:00 on the 10th
        expect("2026-03-09T20:31:00Z", "tehran-all-day", Indicator.TODAY);    // 00:01 on the 10th
        expect("2026-03-10T20:29:00Z", "tehran-all-day", Indicator.TODAY);    // 23:59 on the 10th
        expect("2026-03-10T20:30:00Z", "tehran-all-day", Indicator.OVERDUE);  // 00:00 on the 11th
        expect("2026-03-10T20:31:00Z", "tehran-all-day", Indicator.OVERDUE);  // 00:01 on the 11th
    }

    @Test
    void aTimedActivityTurnsOverdueAtItsDueInstant() {
        deal("tehran-14-30", due("2026-03-10", "14:30", "Asia/Tehran"));   // 11:00 UTC

        expect("2026-03-09T20:29:00Z", "tehran-14-30", Indicator.PLANNED);
        expect("2026-03-10T10:59:00Z", "tehran-14-30", Indicator.TODAY);
        expect("2026-03-10T10:59:59.999Z", "tehran-14-30", Indicator.TODAY);
        expect("2026-03-10T11:00:00Z", "tehran-14-30", Indicator.OVERDUE);
        expect("2026-03-10T11:01:00Z", "tehran-14-30", Indicator.OVERDUE);
    }

    @Test
    void daysAroundBerlinsDaylightSavingChangesLast23And25Hours() {
        deal("berlin-spring", due("2026-03-29", null, "Europe/Berlin"));
        deal("berlin-autumn", due("2026-10-25", null, "Europe/Berlin"));
        deal("berlin-in-the-gap", due("2026-03-29", "02:30", "Europe/Berlin"));  // no such wall time: 03:30 CEST

        expect("2026-03-28T22:59:00Z", "berlin-spring", Indicator.PLANNED);
        expect("2026-03-28T23:00:00Z", "berlin-spring", Indicator.TODAY);     // 00:00 CET
        expect("2026-03-29T21:59:00Z", "berlin-spring", Indicator.TODAY);
        expect("2026-03-29T22:00:00Z", "berlin-spring", Indicator.OVERDUE);   // 00:00 CEST, 23 hours later
        expect("2026-03-29T01:29:00Z", "berlin-in-the-gap", Indicator.TODAY);
        expect("2026-03-29T01:30:00Z", "berlin-in-the-gap", Indicator.OVERDUE);
        expect("2026-10-24T21:59:00Z", "berlin-autumn", Indicator.PLANNED);
        expect("2026-10-24T22:00:00Z", "berlin-autumn", Indicator.TODAY);     // 00:00 CEST
        expect("2026-10-25T22:30:00Z", "berlin-autumn", Indicator.TODAY);     // 23:30 CET, 24.5 hours later
        expect("2026-10-25T23:00:00Z", "berlin-autumn", Indicator.OVERDUE);   // 00:00 CET, 25 hours later
    }

    @Test
    void daysAroundNewYorksDaylightSavingChangesLast23And25Hours() {
        deal("new-york-spring", due("2026-03-08", null, "America/New_York"));
        deal("new-york-autumn", due("2026-11-01", null, "America/New_York"));
        deal("new-york-twice", due("2026-11-01", "01:30", "America/New_York"));  // the earlier 01:30, EDT

        expect("2026-03-08T04:59:00Z", "new-york-spring", Indicator.PLANNED);
        expect("2026-03-08T05:00:00Z", "new-york-spring", Indicator.TODAY);   // 00:00 EST
        expect("2026-03-09T03:59:00Z", "new-york-spring", Indicator.TODAY);
        expect("2026-03-09T04:00:00Z", "new-york-spring", Indicator.OVERDUE); // 00:00 EDT
        expect("2026-11-01T03:59:00Z", "new-york-autumn", Indicator.PLANNED);
        expect("2026-11-01T04:00:00Z", "new-york-autumn", Indicator.TODAY);   // 00:00 EDT
        expect("2026-11-02T04:30:00Z", "new-york-autumn", Indicator.TODAY);   // 23:30 EST
        expect("2026-11-02T05:00:00Z", "new-york-autumn", Indicator.OVERDUE); // 00:00 EST
        expect("2026-11-01T05:29:00Z", "new-york-twice", Indicator.TODAY);
        expect("2026-11-01T05:30:00Z", "new-york-twice", Indicator.OVERDUE);
    }

    @Test
    void aDealWithActivitiesInTwoZonesShowsTheMostUrgentOfThem() {
        // All day on 10 March in Tehran (today from 20:30 UTC on the 9th) and 22:00 on 9 March in New York (today
        // from 04:00 UTC on the 9th, due at 02:00 UTC on the 10th): New York's day starts first, and its call is
        // overdue while Tehran's day has just begun.
        deal("two-zones", due("2026-03-10", null, "Asia/Tehran"), due("2026-03-09", "22:00", "America/New_York"));

        expect("2026-03-09T03:59:00Z", "two-zones", Indicator.PLANNED);
        expect("2026-03-09T04:00:00Z", "two-zones", Indicator.TODAY);    // 9 March starts in New York (EDT)
        expect("2026-03-10T01:59:00Z", "two-zones", Indicator.TODAY);
        expect("2026-03-10T02:00:00Z", "two-zones", Indicator.OVERDUE);  // the New York call is due
    }

    @Test
    void theDatabaseFiltersSplitTheOpenCardsExactlyAsTheRuleJudgesEachCard() {
        Random random = new Random(20261127);
        List<String> zones = List.of("Asia/Tehran", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
                "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "UTC");
        List<Instant> boundaries = new ArrayList<>();
        LocalDate firstDay = LocalDate.parse("2026-03-27");
        for (int d = 0; d < 40; d++) {
            List<Due> dues = new ArrayList<>();
            for (int a = random.nextInt(4); a > 0; a--) {
                LocalDate date = firstDay.plusDays(random.nextInt(5));
                LocalTime time = random.nextBoolean() ? null : LocalTime.of(random.nextInt(24), random.nextInt(60));
                Due due = new Due(date, time, zones.get(random.nextInt(zones.size())));
                dues.add(due);
                for (Instant instant : List.of(due.todayFrom(), due.overdueFrom())) {
                    boundaries.add(instant.minusMillis(1));
                    boundaries.add(instant);
                }
            }
            deal("random-" + d, dues.toArray(Due[]::new));
        }
        for (Instant now : boundaries) {
            assertDatabaseAgreesWithTheRule(now);
        }
    }

    @Test
    void aDealWhoseActivitiesAreAllDoneOrCancelledHasNoActivity() {
        DealStory story = deal("nothing-open", due("2026-03-10", null, "Asia/Tehran"),
                due("2026-03-11", "10:00", "Asia/Tehran"));
        view.apply(story.completed("nothing-open-a0", "Done", CREATED),
                story.cancelled("nothing-open-a1", "BY_USER", CREATED));
        openActivities.keySet().removeAll(Set.of("nothing-open-a0", "nothing-open-a1"));

        expect("2026-03-10T12:00:00Z", "nothing-open", Indicator.NO_ACTIVITY);
    }

    private DealStory deal(String dealId, Due... dues) {
        DealStory story = view.open(dealId, "lead", "Deal " + dealId, "owner-1", "100.00", "IRR", CREATED);
        for (int i = 0; i < dues.length; i++) {
            view.apply(story.scheduled(dealId + "-a" + i, "call", "Call " + i, dues[i], CREATED));
            openActivities.put(dealId + "-a" + i, dues[i]);
        }
        dealIds.add(dealId);
        return story;
    }

    private static Due due(String date, String time, String zone) {
        return new Due(LocalDate.parse(date), time == null ? null : LocalTime.parse(time), zone);
    }

    /** The card's own indicator is {@code expected}, and every database query places it there too. */
    private void expect(String at, String dealId, Indicator expected) {
        Instant now = Instant.parse(at);
        view.clock.set(now);
        assertThat(view.card(dealId).indicator()).as("%s at %s", dealId, at).isEqualTo(expected);
        assertDatabaseAgreesWithTheRule(now);
    }

    private void assertDatabaseAgreesWithTheRule(Instant now) {
        view.clock.set(now);
        Map<Indicator, Set<String>> byRule = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            byRule.put(indicator, new TreeSet<>());
        }
        dealIds.forEach(dealId -> byRule.get(view.card(dealId).indicator()).add(dealId));

        Board board = view.boards.find(ORG, PIPELINE, BoardFilter.NONE, 200).orElseThrow();
        for (Indicator indicator : Indicator.values()) {
            Set<String> byFilter = new TreeSet<>();
            view.collections.dealCards().find(Filters.and(Filters.eq("status", "OPEN"),
                            IndicatorQuery.CARDS.matching(indicator, now)))
                    .forEach((Document card) -> byFilter.add(card.getString("_id")));
            assertThat(byFilter).as("%s by the database filter at %s", indicator, now)
                    .isEqualTo(byRule.get(indicator));
            assertThat(board.stages().get(0).counts().get(indicator)).as("%s counted at %s", indicator, now)
                    .isEqualTo(byRule.get(indicator).size());
            Board filtered = view.boards.find(ORG, PIPELINE, new BoardFilter(null, EnumSet.of(indicator)), 200)
                    .orElseThrow();
            assertThat(ids(filtered.stages().get(0).deals())).as("%s on the filtered board at %s", indicator, now)
                    .isEqualTo(byRule.get(indicator));
            DealPage listed = view.deals.find(ORG, new DealQuery(null, null, null, EnumSet.of(indicator), null),
                    null, 200);
            assertThat(ids(listed.deals())).as("%s in the deal list at %s", indicator, now)
                    .isEqualTo(byRule.get(indicator));
        }
        board.stages().get(0).deals().forEach(card -> assertThat(card.indicator())
                .as("%s shown on the board at %s", card.id(), now).isEqualTo(view.card(card.id()).indicator()));
        assertAgendaAgreesWithTheRule(now);
    }

    /**
     * The agenda lists as overdue exactly the activities the rule judges overdue, and on each due date exactly that
     * date's activities that are not, each with the state the rule gives it.
     */
    private void assertAgendaAgreesWithTheRule(Instant now) {
        IndicatorRule rule = new IndicatorRule(view.clock);
        Map<String, Indicator> byRule = new TreeMap<>();
        openActivities.forEach((id, due) -> byRule.put(id, rule.ofActivity(due.todayFrom(), due.overdueFrom(), now)));
        Set<String> overdueByRule = new TreeSet<>();
        byRule.forEach((id, state) -> {
            if (state == Indicator.OVERDUE) {
                overdueByRule.add(id);
            }
        });
        Agenda agenda = view.agendas.find(ORG, ASSIGNEE, null, ZoneId.of("Asia/Tehran"), 500, null, null);
        assertThat(agendaIds(agenda.overdue(), byRule, now)).as("overdue on the agenda at %s", now)
                .isEqualTo(overdueByRule);
        assertThat(agenda.overdueCount()).isEqualTo(overdueByRule.size());
        Set<LocalDate> dates = new TreeSet<>();
        openActivities.values().forEach(due -> dates.add(due.date()));
        for (LocalDate date : dates) {
            Set<String> dueThatDayByRule = new TreeSet<>();
            openActivities.forEach((id, due) -> {
                if (due.date().equals(date) && byRule.get(id) != Indicator.OVERDUE) {
                    dueThatDayByRule.add(id);
                }
            });
            Agenda ofDay = view.agendas.find(ORG, ASSIGNEE, date, ZoneId.of("Asia/Tehran"), 500, null, null);
            assertThat(agendaIds(ofDay.today(), byRule, now)).as("due on %s and not overdue at %s", date, now)
                    .isEqualTo(dueThatDayByRule);
        }
    }

    private static Set<String> agendaIds(List<AgendaItem> items, Map<String, Indicator> byRule, Instant now) {
        Set<String> ids = new TreeSet<>();
        items.forEach(item -> {
            assertThat(item.state()).as("%s's state on the agenda at %s", item.id(), now)
                    .isEqualTo(byRule.get(item.id()));
            ids.add(item.id());
        });
        assertThat(ids).hasSameSizeAs(items);
        return ids;
    }

    private static Set<String> ids(List<DealCard> cards) {
        Set<String> ids = new HashSet<>();
        cards.forEach(card -> ids.add(card.id()));
        assertThat(ids).hasSameSizeAs(cards);
        return new TreeSet<>(ids);
    }
}
