package app.kariz.view.access;

import app.kariz.events.activity.Due;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.board.Board;
import app.kariz.view.board.BoardFilter;
import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.QueryFixture;
import app.kariz.view.deallist.DealQuery;
import app.kariz.view.indicator.Indicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static app.kariz.view.card.QueryFixture.ORG;
import static app.kariz.view.card.QueryFixture.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board, stage pages, deal list, search and timeline of a viewer restricted to their own deals, read from the
 * database: counts and totals are over their deals only, and an owner filter naming someone else finds nothing.
 */
class RestrictedQueriesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Due YESTERDAY = new Due(LocalDate.parse("2026-11-26"), null, "Asia/Tehran");
    private static final String MEMBER = "member-1";
    private static final String COLLEAGUE = "member-2";
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

    /**
     * Lead: two of the member's (one adrift, one overdue) among two of a colleague's (one overdue); proposal: one
     * of the member's in USD and one of the colleague's.
     */
    @BeforeEach
    void dealsOfTwoOwners() {
        view = new QueryFixture(mongo.freshDatabase("restricted_queries"), NOW);
        view.open("mine-adrift", "lead", "Support contract", MEMBER, "1000.00", "IRR", T0);
        DealStory mineOverdue = view.open("mine-overdue", "lead", "Server order", MEMBER, "500.00", "IRR",
                T0.plusSeconds(1));
        view.apply(mineOverdue.scheduled("call-1", "call", "Call", YESTERDAY, T0));
        view.open("theirs-adrift", "lead", "Support renewal", COLLEAGUE, "7000.00", "IRR", T0.plusSeconds(2));
        DealStory theirsOverdue = view.open("theirs-overdue", "lead", "Printer order", COLLEAGUE, "3000.00", "IRR",
                T0.plusSeconds(3));
        view.apply(theirsOverdue.scheduled("call-2", "call", "Call", YESTERDAY, T0));
        view.open("mine-usd", "proposal", "Export deal", MEMBER, "250.00", "USD", T0.plusSeconds(4));
        view.open("theirs-proposal", "proposal", "Support upgrade", COLLEAGUE, "9000.00", "IRR", T0.plusSeconds(5));
    }

    @Test
    void theRestrictedBoardCountsValuesAndShowsOnlyTheViewersDeals() {
        Board board = view.boards.find(ORG, PIPELINE, new BoardFilter(null, null, MEMBER), 50).orElseThrow();

        Board.Column lead = column(board, "lead");
        assertThat(lead.counts()).isEqualTo(Map.of(Indicator.NO_ACTIVITY, 1, Indicator.OVERDUE, 1,
                Indicator.TODAY, 0, Indicator.PLANNED, 0));
        assertThat(lead.count()).isEqualTo(2);
        assertThat(lead.totalValue()).containsExactly(new DealCard.Amount("1500.00", "IRR"));
        assertThat(lead.deals()).extracting(DealCard::id).containsExactly("mine-adrift", "mine-overdue");
        Board.Column proposal = column(board, "proposal");
        assertThat(proposal.count()).isEqualTo(1);
        assertThat(proposal.totalValue()).containsExactly(new DealCard.Amount("250.00", "USD"));
        assertThat(proposal.deals()).extracting(DealCard::id).containsExactly("mine-usd");

        // The same board unrestricted, so the numbers above are the restriction's doing.
        Board.Column everyones = column(view.boards.find(ORG, PIPELINE, BoardFilter.NONE, 50).orElseThrow(), "lead");
        assertThat(everyones.count()).isEqualTo(4);
        assertThat(everyones.totalValue()).containsExactly(new DealCard.Amount("11500.00", "IRR"));
    }

    @Test
    void theIndicatorFilterOfARestrictedBoardKeepsCountsOverTheViewersDeals() {
        Board.Column lead = column(view.boards.find(ORG, PIPELINE,
                new BoardFilter(null, EnumSet.of(Indicator.OVERDUE), MEMBER), 50).orElseThrow(), "lead");

        assertThat(lead.deals()).extracting(DealCard::id).containsExactly("mine-overdue");
        assertThat(lead.count()).isEqualTo(1);
        assertThat(lead.totalValue()).containsExactly(new DealCard.Amount("500.00", "IRR"));
        assertThat(lead.counts().get(Indicator.NO_ACTIVITY)).isEqualTo(1);
    }

    @Test
    void aRestrictedViewersOwnerFilterNamingSomeoneElseFindsNothing() {
        Board board = view.boards.find(ORG, PIPELINE, new BoardFilter(COLLEAGUE, null, MEMBER), 50).orElseThrow();

        for (Board.Column column : board.stages()) {
            assertThat(column.deals()).isEmpty();
            assertThat(column.count()).isZero();
            assertThat(column.totalValue()).isEmpty();
            assertThat(column.counts().values()).containsOnly(0);
        }
        assertThat(view.boards.stageDeals(ORG, PIPELINE, "lead", new BoardFilter(COLLEAGUE, null, MEMBER), null, 50)
                .orElseThrow().deals()).isEmpty();
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, null, COLLEAGUE, null, null, MEMBER), null, 50)))
                .isEmpty();
        // Naming themself is the same as naming nobody.
        assertThat(column(view.boards.find(ORG, PIPELINE, new BoardFilter(MEMBER, null, MEMBER), 50).orElseThrow(),
                "lead").count()).isEqualTo(2);
    }

    @Test
    void pagingARestrictedStageGivesEachOfTheViewersCardsOnceAndNoOneElses() {
        BoardFilter mine = new BoardFilter(null, null, MEMBER);
        List<String> paged = new ArrayList<>();
        DealPage page = view.boards.stageDeals(ORG, PIPELINE, "lead", mine, null, 1).orElseThrow();
        paged.addAll(ids(page));
        while (page.nextCursor() != null) {
            page = view.boards.stageDeals(ORG, PIPELINE, "lead", mine,
                    BoardCursor.parse(page.nextCursor()), 1).orElseThrow();
            paged.addAll(ids(page));
        }

        assertThat(paged).containsExactly("mine-adrift", "mine-overdue");
    }

    @Test
    void theRestrictedDealListAndSearchFindOnlyTheViewersDeals() {
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, null, null, null, null, MEMBER), null, 50)))
                .containsExactly("mine-usd", "mine-overdue", "mine-adrift");
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, null, null,
                EnumSet.of(Indicator.NO_ACTIVITY, Indicator.OVERDUE), null, MEMBER), null, 50)))
                .containsExactlyInAnyOrder("mine-usd", "mine-overdue", "mine-adrift");
        // "Support" is in one of the member's titles and two of the colleague's.
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, null, null, null, "support", MEMBER), null, 50)))
                .containsExactly("mine-adrift");
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, null, null, null, "support"), null, 50)))
                .containsExactly("theirs-proposal", "theirs-adrift", "mine-adrift");
    }

    @Test
    void aRestrictedViewerHasNoTimelineOfSomeoneElsesDeal() {
        assertThat(view.timelines.find(ORG, "theirs-overdue", 100, null, MEMBER)).isEmpty();
        assertThat(view.timelines.find(ORG, "mine-overdue", 100, null, MEMBER)).hasValueSatisfying(timeline ->
                assertThat(timeline.planned()).hasSize(1));
        assertThat(view.timelines.find(ORG, "theirs-overdue", 100, null, null)).isPresent();
    }

    @Test
    void anotherOrganisationFindsNoneOfTheseDeals() {
        assertThat(view.boards.find("org-2", PIPELINE, BoardFilter.NONE, 50)).isEmpty();
        assertThat(view.boards.stageDeals("org-2", PIPELINE, "lead", BoardFilter.NONE, null, 50)).isEmpty();
        assertThat(ids(view.deals.find("org-2", new DealQuery(null, PIPELINE, null, null, "support"), null, 50)))
                .isEmpty();
        assertThat(view.timelines.find("org-2", "mine-overdue", 100, null, null)).isEmpty();
    }

    private static Board.Column column(Board board, String stageId) {
        return board.stages().stream().filter(stage -> stage.id().equals(stageId)).findFirst().orElseThrow();
    }

    private static List<String> ids(DealPage page) {
        return page.deals().stream().map(DealCard::id).toList();
    }
}
