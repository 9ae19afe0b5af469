package app.kariz.view.board;

import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.card.QueryFixture;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.stream.BoardChangeLog;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static app.kariz.view.card.QueryFixture.ORG;
import static app.kariz.view.card.QueryFixture.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boards' counts and totals kept in memory and brought up to date from the change log are the counts of every
 * open card read afresh: after any mix of writes, as the clock passes day boundaries in Tehran, and when the log
 * cannot say what changed (a new epoch, more changes than it keeps, another generation served, a write it never
 * heard of).
 */
class BoardTalliesTest {

    /** 11:30 on 27 November in Tehran. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final String TEHRAN = "Asia/Tehran";
    private static final String OTHER_PIPELINE = "pipeline-2";
    private static final List<String> OWNERS = List.of("owner-1", "owner-2", "owner-3");
    private static final List<Due> DUES = List.of(
            new Due(LocalDate.parse("2026-11-26"), null, TEHRAN),
            new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("18:00"), TEHRAN),
            new Due(LocalDate.parse("2026-11-27"), null, TEHRAN),
            new Due(LocalDate.parse("2026-11-28"), null, TEHRAN),
            new Due(LocalDate.parse("2026-11-28"), LocalTime.parse("00:15"), TEHRAN),
            new Due(LocalDate.parse("2026-12-05"), LocalTime.parse("09:30"), TEHRAN));
    private static InProcessMongo mongo;
    private MongoDatabase database;
    private QueryFixture view;
    private Boards countedAfresh;

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
        database = mongo.freshDatabase("tallies");
        view = new QueryFixture(database, NOW);
        view.apply(DealStory.pipelineCreated(ORG, OTHER_PIPELINE, "Renewals", List.of(
                new PipelineStage("call", "Call", 0, null), new PipelineStage("offer", "Offer", 1, null))));
        countedAfresh = new Boards(view.collections.dealCards(), view.cards, pipelines());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void keptCountsAreTheCountsReadAfreshAfterAnyMixOfWritesAndAsTheClockPassesTehransDayBoundaries(long seed) {
        Random random = new Random(seed);
        Map<String, Deal> deals = new LinkedHashMap<>();
        Instant at = T0;
        for (int step = 0; step < 400; step++) {
            at = at.plusSeconds(60);
            if (deals.size() < 30 || random.nextInt(10) == 0) {
                String id = "d-" + step;
                deals.put(id, new Deal(view.open(id, QueryFixture.STAGES.get(random.nextInt(3)), "معامله " + id,
                        pick(random, OWNERS), random.nextBoolean() ? "1250.50" : null, "IRR", at)));
            } else {
                write(random, deals, at);
            }
            if (step % 7 == 0) {
                // Now and then the clock moves on, across 18:00 and midnight in Tehran among others.
                view.clock.set(view.clock.instant().plus(Duration.ofMinutes(random.nextInt(6 * 60))));
            }
            if (step % 5 == 0) {
                assertKeptCountsAreCountedAfresh("step " + step + " of seed " + seed);
            }
        }
    }

    @Test
    void aNewEpochOfTheLogLoadsTheCardsAgainThoughItsNumbersStartOver() {
        DealStory deal = view.open("d-1", "lead", "One", "owner-1", "10.00", "IRR", T0);
        for (int i = 0; i < 5; i++) {
            view.apply(deal.updated(withAmount(deal, "1" + i + ".00"), T0.plusSeconds(i)));
        }
        assertKeptCountsAreCountedAfresh("before the new epoch");

        BoardChangeLog.in(database).startNewEpoch(BoardChangeLog.DEFAULT_CAPACITY);
        // Change 1 of the new epoch: below the number the kept cards are current to in the old one.
        view.apply(deal.moved("proposal", T0.plusSeconds(60)));
        assertThat(view.boards.find(ORG, PIPELINE).orElseThrow().stages().get(2).count()).isEqualTo(1);
        assertKeptCountsAreCountedAfresh("after the new epoch");
    }

    @Test
    void moreChangesThanTheLogKeepsLoadTheCardsAgain() {
        BoardChangeLog.in(database).startNewEpoch(4);
        DealStory deal = view.open("d-1", "lead", "One", "owner-1", "10.00", "IRR", T0);
        assertKeptCountsAreCountedAfresh("at first");
        List<DealStory> more = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            more.add(view.open("d-more-" + i, "qualified", "More", "owner-2", "5.00", "IRR", T0));
        }
        view.apply(deal.moved("proposal", T0.plusSeconds(60)));
        assertThat(view.boards.find(ORG, PIPELINE).orElseThrow().stages().get(1).count()).isEqualTo(more.size());
        assertKeptCountsAreCountedAfresh("after more changes than the log keeps");
    }

    @Test
    void anotherGenerationServedLoadsTheCardsAgain() {
        AtomicLong generation = new AtomicLong(1);
        Boards boards = new Boards(view.collections.dealCards(), view.cards, pipelines(),
                BoardTallies.following(view.collections.dealCards(), BoardChangeLog.in(database), generation::get));
        view.open("d-1", "lead", "One", "owner-1", "10.00", "IRR", T0);
        assertThat(leadCount(boards)).isEqualTo(1);

        // A card as another generation holds it, which no change of this log announces.
        view.collections.dealCards().updateOne(Filters.eq("_id", "d-1"), Updates.set("stageId", "qualified"));
        assertThat(leadCount(boards)).as("kept while the generation stays").isEqualTo(1);
        generation.set(2);
        assertThat(leadCount(boards)).isZero();
        assertThat(boards.find(ORG, PIPELINE).orElseThrow().stages().get(1).count()).isEqualTo(1);
    }

    @Test
    void aWriteTheLogNeverAnnouncedIsCountedOnceTheCardsWereLoadedReloadAfterAgo() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        Boards boards = new Boards(view.collections.dealCards(), view.cards, pipelines(),
                new BoardTallies(view.collections.dealCards(), BoardChangeLog.in(database), () -> 0,
                        Duration.ofMinutes(10), ticker));
        view.open("d-1", "lead", "One", "owner-1", "10.00", "IRR", T0);
        assertThat(leadCount(boards)).isEqualTo(1);

        // Applied, and its change lost with a crash before it was recorded.
        view.collections.dealCards().updateOne(Filters.eq("_id", "d-1"), Updates.set("stageId", "qualified"));
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(leadCount(boards)).isEqualTo(1);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(leadCount(boards)).isZero();
    }

    @Test
    void aChangeOfAnotherOrganisationsDealIsNotReadIntoThisBoard() {
        view.open("d-1", "lead", "One", "owner-1", "10.00", "IRR", T0);
        assertThat(leadCount(view.boards)).isEqualTo(1);
        // Another organisation's deal on a pipeline of the same id (ids are not secret, nor unique across tenants).
        DealStory foreign = new DealStory("org-2", "d-foreign");
        view.apply(DealStory.pipelineCreated("org-2", PIPELINE, "Theirs", List.of(
                new PipelineStage("lead", "Lead", 0, null))));
        view.apply(foreign.opened("Theirs", PIPELINE, "lead", T0));
        assertThat(leadCount(view.boards)).isEqualTo(1);
        assertKeptCountsAreCountedAfresh("beside another organisation");
    }

    private void write(Random random, Map<String, Deal> deals, Instant at) {
        List<Deal> live = deals.values().stream().filter(deal -> !deal.deleted).toList();
        Deal deal = live.get(random.nextInt(live.size()));
        DealStory story = deal.story;
        switch (random.nextInt(12)) {
            case 0, 1, 2 -> {
                String activityId = story.dealId() + "-a" + deal.activities++;
                deal.open.add(activityId);
                view.apply(story.scheduled(activityId, "call", "تماس", pick(random, DUES), at));
            }
            case 3 -> {
                if (!deal.open.isEmpty()) {
                    view.apply(story.completed(deal.open.remove(random.nextInt(deal.open.size())), "انجام شد", at));
                }
            }
            case 4 -> {
                if (!deal.open.isEmpty()) {
                    view.apply(story.postponed(pick(random, deal.open), pick(random, DUES), "busy", at));
                }
            }
            case 5 -> view.apply(story.moved(random.nextBoolean() ? pick(random, QueryFixture.STAGES) : "lead", at));
            case 6 -> {
                deal.onOther = !deal.onOther;
                view.apply(deal.onOther ? story.movedTo(OTHER_PIPELINE, random.nextBoolean() ? "call" : "offer", at)
                        : story.movedTo(PIPELINE, pick(random, QueryFixture.STAGES), at));
            }
            case 7 -> {
                DealFields fields = story.fields();
                view.apply(story.updated(new DealFields(fields.title(), random.nextBoolean() ? null
                        : new Money(new BigDecimal(random.nextInt(100_000) + ".25"), random.nextBoolean() ? "IRR"
                        : "EUR"), pick(random, OWNERS), fields.personName(), fields.organizationName(),
                        fields.expectedCloseDate()), at));
            }
            case 8 -> {
                view.apply(deal.closed ? story.reopened(at)
                        : random.nextBoolean() ? story.won(at) : story.lost("price", at));
                deal.closed = !deal.closed;
            }
            case 9 -> {
                if (!deal.open.isEmpty()) {
                    view.apply(story.cancelled(deal.open.remove(0), "BY_USER", at));
                }
            }
            case 10 -> {
                if (random.nextInt(4) == 0) {
                    deal.deleted = true;
                    view.apply(story.deleted(at));
                }
            }
            default -> {
                // A write nobody looked at in between: several changes read back at once.
            }
        }
    }

    private void assertKeptCountsAreCountedAfresh(String when) {
        for (String pipelineId : List.of(PIPELINE, OTHER_PIPELINE)) {
            for (BoardFilter filter : List.of(BoardFilter.NONE, new BoardFilter("owner-2", null),
                    new BoardFilter(null, EnumSet.of(Indicator.TODAY, Indicator.OVERDUE)),
                    new BoardFilter(null, null, "owner-3"), new BoardFilter("owner-1", null, "owner-3"))) {
                assertThat(view.boards.find(ORG, pipelineId, filter, 5).orElseThrow())
                        .as("the board of %s, %s, at %s, %s", pipelineId, filter, view.clock.instant(), when)
                        .isEqualTo(countedAfresh.find(ORG, pipelineId, filter, 5).orElseThrow());
            }
        }
    }

    private int leadCount(Boards boards) {
        return boards.find(ORG, PIPELINE).orElseThrow().stages().get(0).count();
    }

    private Pipelines pipelines() {
        return new Pipelines(view.collections.pipelines());
    }

    private static DealFields withAmount(DealStory deal, String amount) {
        DealFields fields = deal.fields();
        return new DealFields(fields.title(), new Money(new BigDecimal(amount), "IRR"), fields.ownerId(),
                fields.personName(), fields.organizationName(), fields.expectedCloseDate());
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static final class Deal {
        final DealStory story;
        final List<String> open = new ArrayList<>();
        int activities;
        boolean onOther;
        boolean closed;
        boolean deleted;

        Deal(DealStory story) {
            this.story = story;
        }
    }
}
