package app.kariz.view.board;

import app.kariz.events.activity.Due;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.QueryFixture;
import app.kariz.view.indicator.Indicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.kariz.view.card.QueryFixture.ORG;
import static app.kariz.view.card.QueryFixture.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

class BoardsTest {

    /** 11:30 on 27 November in Tehran. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final String TEHRAN = "Asia/Tehran";
    private static final Due YESTERDAY = new Due(LocalDate.parse("2026-11-26"), null, TEHRAN);
    private static final Due TODAY_LATER = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("18:00"), TEHRAN);
    private static final Due TOMORROW = new Due(LocalDate.parse("2026-11-28"), null, TEHRAN);
    private static InProcessMongo mongo;
    private QueryFixture view;

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
        view = new QueryFixture(mongo.freshDatabase("boards"), NOW);
    }

    @Test
    void keptCountsTurnWithTheClockAtTheFirstDueInstantWithoutAnyWrite() {
        DealStory planned = view.open("d-planned", "lead", "Planned", "owner-1", "10.00", "IRR", T0);
        view.apply(planned.scheduled("a-planned", "call", "Call", TOMORROW, T0));
        DealStory today = view.open("d-today", "lead", "Today", "owner-1", "20.00", "IRR", T0);
        view.apply(today.scheduled("a-today", "call", "Call", TODAY_LATER, T0));
        assertThat(leadCounts()).containsEntry(Indicator.TODAY, 1).containsEntry(Indicator.PLANNED, 1);

        // 18:00 in Tehran: the call due today turns overdue at that very instant, not a request later.
        view.clock.set(Instant.parse("2026-11-27T14:29:59Z"));
        assertThat(leadCounts()).containsEntry(Indicator.TODAY, 1).containsEntry(Indicator.OVERDUE, 0);
        view.clock.set(Instant.parse("2026-11-27T14:30:00Z"));
        assertThat(leadCounts()).containsEntry(Indicator.TODAY, 0).containsEntry(Indicator.OVERDUE, 1);
        // Tehran's midnight (20:30 UTC): tomorrow's call is due today.
        view.clock.set(Instant.parse("2026-11-27T20:29:59Z"));
        assertThat(leadCounts()).containsEntry(Indicator.PLANNED, 1);
        view.clock.set(Instant.parse("2026-11-27T20:30:00Z"));
        assertThat(leadCounts()).containsEntry(Indicator.PLANNED, 0).containsEntry(Indicator.TODAY, 1);
    }

    @Test
    void keptCountsAreCountedAgainAfterAnyChangeOfACard() {
        DealStory deal = view.open("d-1", "lead", "One", "owner-1", "10.00", "IRR", T0);
        assertThat(leadCounts()).containsEntry(Indicator.NO_ACTIVITY, 1);

        view.apply(deal.scheduled("a-1", "call", "Call", YESTERDAY, T0));
        assertThat(leadCounts()).containsEntry(Indicator.NO_ACTIVITY, 0).containsEntry(Indicator.OVERDUE, 1);

        view.apply(deal.moved("qualified", T0.plusSeconds(60)));
        assertThat(leadCounts()).containsEntry(Indicator.OVERDUE, 0);
        assertThat(view.boards.find(ORG, PIPELINE).orElseThrow().stages().get(1).counts())
                .containsEntry(Indicator.OVERDUE, 1);
        // The same board filtered by owner is a tally of its own.
        assertThat(view.boards.find(ORG, PIPELINE, new BoardFilter("owner-2",
                EnumSet.allOf(Indicator.class)), 10).orElseThrow().stages().get(1).count()).isZero();
    }

    private Map<Indicator, Integer> leadCounts() {
        return view.boards.find(ORG, PIPELINE).orElseThrow().stages().get(0).counts();
    }

    @Test
    void pagingThroughAStageGivesEveryCardOnceInBoardOrderAcrossIndicators() {
        seedMixedStage("lead", 23);

        List<DealCard> whole = view.boards.stageDeals(ORG, PIPELINE, "lead", BoardFilter.NONE, null, 200)
                .orElseThrow().deals();
        assertThat(whole).hasSize(23);
        assertThat(whole).isSortedAccordingTo(BOARD_ORDER);
        for (int limit : List.of(1, 2, 3, 4, 5, 7, 22, 23)) {
            assertThat(pageThrough("lead", BoardFilter.NONE, limit)).as("pages of %d", limit)
                    .extracting(DealCard::id).containsExactlyElementsOf(whole.stream().map(DealCard::id).toList());
        }
    }

    @Test
    void theBoardShowsTheFirstCardsOfEachStageAndACursorForTheRest() {
        seedMixedStage("lead", 7);
        seedMixedStage("proposal", 2);

        Board board = view.boards.find(ORG, PIPELINE, BoardFilter.NONE, 5).orElseThrow();

        Board.Column lead = board.stages().get(0);
        assertThat(lead.deals()).hasSize(5);
        assertThat(lead.count()).isEqualTo(7);
        assertThat(lead.nextCursor()).isNotNull();
        DealPage rest = view.boards.stageDeals(ORG, PIPELINE, "lead", BoardFilter.NONE,
                BoardCursor.parse(lead.nextCursor()), 5).orElseThrow();
        assertThat(rest.deals()).hasSize(2);
        assertThat(rest.nextCursor()).isNull();
        List<DealCard> all = new ArrayList<>(lead.deals());
        all.addAll(rest.deals());
        assertThat(all).isSortedAccordingTo(BOARD_ORDER).extracting(DealCard::id).doesNotHaveDuplicates();
        assertThat(board.stages().get(1).deals()).isEmpty();
        assertThat(board.stages().get(1).nextCursor()).isNull();
        assertThat(board.stages().get(2).deals()).hasSize(2);
        assertThat(board.stages().get(2).nextCursor()).isNull();
    }

    @Test
    void aPageEndingExactlyAtTheLastCardHasNoCursor() {
        seedMixedStage("lead", 4);

        Board board = view.boards.find(ORG, PIPELINE, BoardFilter.NONE, 4).orElseThrow();

        assertThat(board.stages().get(0).deals()).hasSize(4);
        assertThat(board.stages().get(0).nextCursor()).isNull();
    }

    @Test
    void cardsAddedOrRemovedBetweenPagesNeitherRepeatNorHideTheOthers() {
        Map<String, DealStory> deals = seedMixedStage("lead", 10);
        Board.Column first = view.boards.find(ORG, PIPELINE, BoardFilter.NONE, 4).orElseThrow().stages().get(0);
        DealCard lastShown = first.deals().get(3);

        // A deal with no activity is new (it sorts before every page so far) and one not yet shown is won.
        view.open("late", "lead", "Late", "owner-1", "1.00", "IRR", NOW);
        String wonId = view.boards.stageDeals(ORG, PIPELINE, "lead", BoardFilter.NONE,
                BoardCursor.parse(first.nextCursor()), 200).orElseThrow().deals().get(0).id();
        view.apply(deals.get(wonId).won(NOW));

        List<DealCard> rest = pageThroughFrom("lead", BoardFilter.NONE, 3, first.nextCursor());

        assertThat(rest).extracting(DealCard::id).doesNotContain("late", wonId)
                .doesNotContainAnyElementsOf(first.deals().stream().map(DealCard::id).toList())
                .hasSize(10 - 4 - 1);
        assertThat(rest).allSatisfy(card -> assertThat(BOARD_ORDER.compare(card, lastShown)).isPositive());
    }

    @Test
    void countsFollowTheOwnerButNotTheIndicatorFilterWhileCountAndTotalsFollowBoth() {
        Instant at = T0;
        deal("a1", "owner-a", "1200.00", "IRR", at, null);                                    // NO_ACTIVITY
        deal("a2", "owner-a", "1200.00", "IRR", at = at.plusSeconds(1), YESTERDAY);            // OVERDUE
        deal("a3", "owner-a", "1200.00", "IRR", at = at.plusSeconds(1), YESTERDAY);            // OVERDUE
        deal("a4", "owner-a", "0.10", "USD", at = at.plusSeconds(1), TODAY_LATER);             // TODAY
        deal("a5", "owner-a", "0.2", "USD", at = at.plusSeconds(1), TOMORROW);                 // PLANNED
        deal("a6", "owner-a", null, null, at = at.plusSeconds(1), YESTERDAY);                  // OVERDUE, no value
        deal("b1", "owner-b", "99999999999999999999.99", "IRR", at = at.plusSeconds(1), YESTERDAY);
        deal("b2", "owner-b", "5.00", "EUR", at.plusSeconds(1), null);

        Board.Column everyone = lead(BoardFilter.NONE);
        assertThat(everyone.counts()).isEqualTo(Map.of(Indicator.NO_ACTIVITY, 2, Indicator.OVERDUE, 4,
                Indicator.TODAY, 1, Indicator.PLANNED, 1));
        assertThat(everyone.count()).isEqualTo(8);
        assertThat(everyone.totalValue()).containsExactly(new DealCard.Amount("5.00", "EUR"),
                new DealCard.Amount("100000000000000003599.99", "IRR"), new DealCard.Amount("0.30", "USD"));

        Board.Column attention = lead(new BoardFilter("owner-a", EnumSet.of(Indicator.NO_ACTIVITY,
                Indicator.OVERDUE)));
        assertThat(attention.counts()).isEqualTo(Map.of(Indicator.NO_ACTIVITY, 1, Indicator.OVERDUE, 3,
                Indicator.TODAY, 1, Indicator.PLANNED, 1));
        assertThat(attention.count()).isEqualTo(4);
        assertThat(attention.deals()).extracting(DealCard::id).containsExactly("a1", "a2", "a3", "a6");
        assertThat(attention.totalValue()).containsExactly(new DealCard.Amount("3600.00", "IRR"));

        Board.Column planned = lead(new BoardFilter(null, EnumSet.of(Indicator.PLANNED)));
        assertThat(planned.count()).isEqualTo(1);
        assertThat(planned.totalValue()).containsExactly(new DealCard.Amount("0.2", "USD"));
        assertThat(lead(new BoardFilter("nobody", null)).totalValue()).isEmpty();
    }

    @Test
    void aStagePageFollowsTheOwnerAndIndicatorFilters() {
        seedMixedStage("lead", 12);
        BoardFilter filter = new BoardFilter("owner-1", EnumSet.of(Indicator.TODAY, Indicator.OVERDUE));

        List<DealCard> paged = pageThrough("lead", filter, 2);

        assertThat(paged).isNotEmpty().isSortedAccordingTo(BOARD_ORDER).allSatisfy(card -> {
            assertThat(card.ownerId()).isEqualTo("owner-1");
            assertThat(card.indicator()).isIn(Indicator.TODAY, Indicator.OVERDUE);
        });
        assertThat(paged).hasSize(lead(filter).count());
    }

    @Test
    void anUnknownStageOrPipelineHasNoPages() {
        assertThat(view.boards.stageDeals(ORG, PIPELINE, "nowhere", BoardFilter.NONE, null, 10)).isEmpty();
        assertThat(view.boards.stageDeals(ORG, "no-pipeline", "lead", BoardFilter.NONE, null, 10)).isEmpty();
        assertThat(view.boards.stageDeals("org-2", PIPELINE, "lead", BoardFilter.NONE, null, 10)).isEmpty();
    }

    /**
     * The contract's order, judged card by card as the old in-memory board did: indicator, next due (the card's
     * next activity), creation, id.
     */
    static final Comparator<DealCard> BOARD_ORDER = Comparator
            .comparing(DealCard::indicator)
            .thenComparing(BoardsTest::nextDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DealCard::createdAt)
            .thenComparing(DealCard::id);

    private static Instant nextDueAt(DealCard card) {
        return card.nextActivity() == null ? null : new Due(card.nextActivity().dueDate(),
                card.nextActivity().dueTime() == null ? null : LocalTime.parse(card.nextActivity().dueTime()),
                card.nextActivity().timeZone()).overdueFrom();
    }

    private Board.Column lead(BoardFilter filter) {
        return view.boards.find(ORG, PIPELINE, filter, 50).orElseThrow().stages().get(0);
    }

    private void deal(String id, String owner, String amount, String currency, Instant createdAt, Due due) {
        DealStory story = view.open(id, "lead", "Deal " + id, owner, amount, currency, createdAt);
        if (due != null) {
            view.apply(story.scheduled(id + "-call", "call", "Call", due, createdAt));
        }
    }

    /**
     * {@code count} deals on the stage spread over the four indicators, with equal due instants and equal creation
     * instants among them so the later sort keys matter, and two owners.
     */
    private Map<String, DealStory> seedMixedStage(String stageId, int count) {
        Map<String, DealStory> stories = new HashMap<>();
        List<Due> dues = new ArrayList<>();
        dues.add(null);
        dues.add(YESTERDAY);
        dues.add(new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("09:00"), TEHRAN));   // overdue this morning
        dues.add(TODAY_LATER);
        dues.add(new Due(LocalDate.parse("2026-11-27"), null, TEHRAN));                      // today, all day
        dues.add(TOMORROW);
        dues.add(new Due(LocalDate.parse("2026-11-28"), null, "Europe/Berlin"));
        for (int i = 0; i < count; i++) {
            String id = stageId + "-" + i;
            Instant createdAt = T0.plusSeconds(i % 3);
            DealStory story = view.open(id, stageId, "Deal " + id, i % 2 == 0 ? "owner-1" : "owner-2", "10.00",
                    "IRR", createdAt);
            stories.put(id, story);
            Due due = dues.get(i % dues.size());
            if (due != null) {
                view.apply(story.scheduled(id + "-call", "call", "Call", due, createdAt));
            }
        }
        return stories;
    }

    private List<DealCard> pageThrough(String stageId, BoardFilter filter, int limit) {
        return pageThroughFrom(stageId, filter, limit, null);
    }

    private List<DealCard> pageThroughFrom(String stageId, BoardFilter filter, int limit, String cursor) {
        List<DealCard> all = new ArrayList<>();
        int pages = 0;
        do {
            assertThat(++pages).as("pages so far; a cursor that does not advance would page forever").isLessThan(100);
            DealPage page = view.boards.stageDeals(ORG, PIPELINE, stageId, filter, BoardCursor.parse(cursor), limit)
                    .orElseThrow();
            assertThat(page.deals()).hasSizeLessThanOrEqualTo(limit);
            if (page.nextCursor() != null) {
                assertThat(page.deals()).hasSize(limit);
            }
            all.addAll(page.deals());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).extracting(DealCard::id).doesNotHaveDuplicates();
        return all;
    }
}
