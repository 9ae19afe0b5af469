package app.kariz.view.deallist;

import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
import app.kariz.kernel.InvalidInputException;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.QueryFixture;
import app.kariz.view.indicator.Indicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static app.kariz.view.card.QueryFixture.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DealListTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Due YESTERDAY = new Due(LocalDate.parse("2026-11-26"), null, "Asia/Tehran");
    private static final Due TODAY_LATER = new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("18:00"),
            "Asia/Tehran");
    private static final Due TOMORROW = new Due(LocalDate.parse("2026-11-28"), null, "Asia/Tehran");
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
        view = new QueryFixture(mongo.freshDatabase("deal_list"), NOW);
    }

    @Test
    void dealsComeNewestFirstAndEveryStatusButDeletedByDefault() {
        DealStory open = deal("open", "Open deal", T0, null);
        DealStory won = deal("won", "Won deal", T0.plusSeconds(1), null);
        DealStory lost = deal("lost", "Lost deal", T0.plusSeconds(2), null);
        DealStory deleted = deal("deleted", "Deleted deal", T0.plusSeconds(3), null);
        view.apply(won.won(NOW), lost.lost("No budget", NOW), deleted.deleted(NOW));

        assertThat(ids(list(null, null, null, null, null))).containsExactly("lost", "won", "open");
        assertThat(ids(list(DealStatus.WON, null, null, null, null))).containsExactly("won");
        assertThat(ids(list(DealStatus.OPEN, null, null, null, null))).containsExactly("open");
        assertThat(open).isNotNull();
    }

    @Test
    void pagingNewestFirstGivesEveryDealOnceEvenWithEqualCreationInstants() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            deal("deal-" + (char) ('a' + i), "Deal " + i, T0.plusSeconds(i / 4), null);
        }
        list(null, null, null, null, null).deals().forEach(card -> expected.add(card.id()));
        assertThat(expected).hasSize(17);

        for (int limit : List.of(1, 3, 4, 16, 17)) {
            assertThat(pageThrough(new DealQuery(null, null, null, null, null), limit)).as("pages of %d", limit)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(expected.get(0)).isEqualTo("deal-q");
        assertThat(expected.subList(1, 5)).containsExactly("deal-p", "deal-o", "deal-n", "deal-m");
    }

    @Test
    void theAttentionListIsNoActivityThenOverdueInBoardOrderAcrossPipelinesAndPages() {
        deal("adrift-old", "Adrift", T0, null);
        deal("late", "Late", T0.plusSeconds(1), YESTERDAY);
        deal("adrift-new", "Adrift too", T0.plusSeconds(2), null);
        deal("today", "Today", T0.plusSeconds(3), TODAY_LATER);
        deal("planned", "Planned", T0.plusSeconds(4), TOMORROW);
        DealStory elsewhere = deal("late-elsewhere", "Late elsewhere", T0.plusSeconds(5), YESTERDAY);
        view.apply(DealStory.pipelineCreated(ORG, "partners", "Partners", List.of(
                new app.kariz.events.pipeline.PipelineStage("intro", "Intro", 0, null))),
                elsewhere.movedTo("partners", "intro", T0.plusSeconds(6)));

        DealQuery attention = new DealQuery(null, null, null, EnumSet.of(Indicator.NO_ACTIVITY, Indicator.OVERDUE),
                null);
        List<String> expected = List.of("adrift-old", "adrift-new", "late", "late-elsewhere");
        assertThat(ids(view.deals.find(ORG, attention, null, 50))).containsExactlyElementsOf(expected);
        for (int limit : List.of(1, 2, 3, 4)) {
            assertThat(pageThrough(attention, limit)).containsExactlyElementsOf(expected);
        }
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, "partners", null,
                EnumSet.of(Indicator.OVERDUE), null), null, 50))).containsExactly("late-elsewhere");
        assertThat(ids(view.deals.find(ORG, new DealQuery(DealStatus.WON, null, null,
                EnumSet.of(Indicator.OVERDUE), null), null, 50))).isEmpty();
    }

    @Test
    void filtersByPipelineAndOwnerCombine() {
        deal("mine", "Mine", T0, null);
        DealStory theirs = deal("theirs", "Theirs", T0.plusSeconds(1), null);
        view.apply(theirs.updated(new DealFields("Theirs", null, "owner-2", null, null, null), T0.plusSeconds(2)));

        assertThat(ids(list(null, "owner-1", null, null, null))).containsExactly("mine");
        assertThat(ids(list(null, "owner-2", null, null, null))).containsExactly("theirs");
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, QueryFixture.PIPELINE, "owner-2", null, null), null,
                50))).containsExactly("theirs");
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, "other", null, null, null), null, 50))).isEmpty();
        assertThat(ids(view.deals.find("org-2", new DealQuery(null, null, null, null, null), null, 50))).isEmpty();
    }

    @Test
    void searchMatchesTitlePersonAndOrganisationInPersianAndAnyLetterCase() {
        edited(deal("contract", "قرارداد پشتیبانی سالانه", T0, null), "سارا احمدی", "Kariz Co");
        edited(deal("arabic-keyboard", "تمدید", T0.plusSeconds(1), null), "علي كريمي", null);
        edited(deal("latin", "Big ORDER", T0.plusSeconds(2), null), null, "شرکت نوین");
        edited(deal("symbols", "Price (c++) 2.5*", T0.plusSeconds(3), null), null, null);

        assertThat(search("پشتیبانی")).containsExactly("contract");
        assertThat(search("احمدی")).containsExactly("contract");
        assertThat(search("نوین")).containsExactly("latin");
        assertThat(search("big order")).containsExactly("latin");
        assertThat(search("kariz")).containsExactly("contract");
        // Typed with Persian letters, found although stored with Arabic ي and ك, and the other way round.
        assertThat(search("علی کریمی")).containsExactly("arabic-keyboard");
        assertThat(search("شركت")).containsExactly("latin");
        // Metacharacters are literal.
        assertThat(search("(c++) 2.5*")).containsExactly("symbols");
        assertThat(search(".*")).isEmpty();
        assertThat(search("2x5")).isEmpty();
        assertThat(ids(view.deals.find(ORG, new DealQuery(null, null, null, EnumSet.of(Indicator.NO_ACTIVITY),
                "order"), null, 50))).containsExactly("latin");
    }

    @Test
    void invalidParametersAreReportedByField() {
        assertThatThrownBy(() -> DealQuery.status("CLOSED")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("status"));
        assertThatThrownBy(() -> new DealQuery(null, null, null, null, "x".repeat(101)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("q"));
        assertThatThrownBy(() -> view.deals.find(ORG, new DealQuery(null, null, null, null, null), "garbage!", 5))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        assertThat(DealQuery.status(" won ")).isEqualTo(DealStatus.WON);
    }

    @Test
    void aCursorOfOneOrderIsNotAcceptedByTheOther() {
        for (int i = 0; i < 3; i++) {
            deal("deal-" + i, "Deal", T0.plusSeconds(i), null);
        }
        String newest = view.deals.find(ORG, new DealQuery(null, null, null, null, null), null, 1).nextCursor();
        DealQuery byIndicator = new DealQuery(null, null, null, Set.of(Indicator.NO_ACTIVITY), null);

        assertThatThrownBy(() -> view.deals.find(ORG, byIndicator, newest, 1))
                .isInstanceOf(InvalidInputException.class);
    }

    private DealStory deal(String id, String title, Instant createdAt, Due due) {
        DealStory story = view.open(id, "lead", title, "owner-1", "10.00", "IRR", createdAt);
        if (due != null) {
            view.apply(story.scheduled(id + "-call", "call", "Call", due, createdAt));
        }
        return story;
    }

    private void edited(DealStory story, String personName, String organizationName) {
        DealFields fields = story.fields();
        view.apply(story.updated(new DealFields(fields.title(), new Money(new BigDecimal("10.00"), "IRR"), fields.ownerId(),
                personName, organizationName, null), T0.plusSeconds(100)));
    }

    private DealPage list(DealStatus status, String ownerId, String pipelineId, Set<Indicator> indicators,
                          String text) {
        return view.deals.find(ORG, new DealQuery(status, pipelineId, ownerId, indicators, text), null, 50);
    }

    private List<String> search(String text) {
        return ids(list(null, null, null, null, text));
    }

    private List<String> pageThrough(DealQuery query, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            assertThat(++pages).as("pages so far; a cursor that does not advance would page forever").isLessThan(100);
            DealPage page = view.deals.find(ORG, query, cursor, limit);
            assertThat(page.deals()).hasSizeLessThanOrEqualTo(limit);
            all.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(all).doesNotHaveDuplicates();
        return all;
    }

    private static List<String> ids(DealPage page) {
        return page.deals().stream().map(DealCard::id).toList();
    }
}
