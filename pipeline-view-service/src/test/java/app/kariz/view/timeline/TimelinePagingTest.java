package app.kariz.view.timeline;

import app.kariz.events.activity.Due;
import app.kariz.kernel.InvalidInputException;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.card.QueryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static app.kariz.view.card.QueryFixture.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelinePagingTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
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
        view = new QueryFixture(mongo.freshDatabase("timeline_paging"), T0.plusSeconds(86_400));
    }

    @Test
    void pagingThroughALongHistoryGivesEveryEntryOnceNewestFirst() {
        DealStory deal = view.open("deal-1", "lead", "Deal", "owner-1", "10.00", "IRR", T0);
        // Many entries share an instant (a deal event and an activity event, or several activities), so the
        // sequence and the id have to settle their order.
        for (int i = 0; i < 12; i++) {
            Instant at = T0.plusSeconds(60L * (i / 3));
            view.apply(deal.scheduled("call-" + i, "call", "Call " + i, new Due(LocalDate.parse("2026-11-20"), null,
                    "Asia/Tehran"), at));
            if (i % 4 == 0) {
                view.apply(deal.completed("call-" + i, "Result " + i, at));
            }
        }
        List<String> whole = ids(view.timelines.find(ORG, "deal-1", 500, null).orElseThrow());
        assertThat(whole).hasSize(2 + 12 + 3).doesNotHaveDuplicates();

        for (int limit : List.of(1, 2, 3, 5, 16, 17)) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                assertThat(++pages).as("pages so far; a cursor that does not advance would page forever")
                        .isLessThan(100);
                Timeline page = view.timelines.find(ORG, "deal-1", limit, cursor).orElseThrow();
                assertThat(page.history()).hasSizeLessThanOrEqualTo(limit);
                assertThat(page.planned()).hasSize(9);
                paged.addAll(ids(page));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(paged).as("pages of %d", limit).containsExactlyElementsOf(whole);
        }
        Timeline newest = view.timelines.find(ORG, "deal-1", 500, null).orElseThrow();
        assertThat(newest.history()).extracting(HistoryEntry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(newest.nextCursor()).isNull();
        assertThat(newest.history()).extracting(HistoryEntry::type).contains(HistoryType.DEAL_OPENED);
    }

    @Test
    void theDefaultPageHoldsTheNewestHundredEntries() {
        DealStory deal = view.open("deal-1", "lead", "Deal", "owner-1", "10.00", "IRR", T0);
        for (int i = 0; i < 105; i++) {
            view.apply(deal.scheduled("call-" + i, "call", "Call", new Due(LocalDate.parse("2026-11-20"), null,
                    "Asia/Tehran"), T0.plusSeconds(i + 1)));
        }

        Timeline timeline = view.timelines.find(ORG, "deal-1").orElseThrow();

        assertThat(timeline.history()).hasSize(Timelines.DEFAULT_LIMIT);
        assertThat(timeline.history().get(0).at()).isEqualTo(T0.plusSeconds(105));
        assertThat(timeline.nextCursor()).isNotNull();
        assertThat(timeline.planned()).hasSize(105);
    }

    @Test
    void aCursorNotHandedOutByATimelineIsInvalidInput() {
        view.open("deal-1", "lead", "Deal", "owner-1", "10.00", "IRR", T0);

        assertThatThrownBy(() -> view.timelines.find(ORG, "deal-1", 10, "bm90LWEtY3Vyc29y"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    }

    private static List<String> ids(Timeline timeline) {
        return timeline.history().stream().map(HistoryEntry::id).toList();
    }
}
