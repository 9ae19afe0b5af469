package app.kariz.view.consistency;

import app.kariz.events.Position;
import app.kariz.events.activity.Due;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.testing.mongo.InProcessMongo;
import app.kariz.view.DealStory;
import app.kariz.view.SettableClock;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.RottingRule;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Gaps in a stream: later events wait, the missing ones are asked for, and everything lands in order. */
class InOrderStreamsTest {

    private static final String ORG = "org-1";
    private static final String PIPELINE = "pipeline-1";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Due TOMORROW = new Due(LocalDate.parse("2026-11-21"), LocalTime.parse("10:00"),
            "Asia/Tehran");
    private static final HealBackoff BACKOFF = new HealBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private static InProcessMongo mongo;
    private final SettableClock clock = new SettableClock(T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Position> requested = new ArrayList<>();
    /** Events the projection fails on, as on a bug or a malformed payload. */
    private final Set<String> failing = new HashSet<>();
    private View view;
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
    void emptyView() {
        view = new View(mongo.freshDatabase("in_order"));
        deal = new DealStory(ORG, "deal-1");
    }

    @Test
    void anEventAfterAGapWaitsForTheMissingOneAndThenFollowsIt() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(10));
        ConsumedEvent won = deal.won(T0.plusSeconds(20));

        view.apply(opened, won);

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.OPEN);
        assertThat(view.parked.count()).isEqualTo(1);
        assertThat(view.gaps.find("deal:deal-1")).hasValueSatisfying(gap ->
                assertThat(gap.fromSequence()).isEqualTo(1));
        assertThat(requested).containsExactly(new Position("deal", "deal-1", 1));

        view.apply(moved);

        DealCard card = view.card("deal-1");
        assertThat(card.status()).isEqualTo(DealStatus.WON);
        assertThat(card.stageId()).isEqualTo("proposal");
        assertThat(view.positions.appliedSequence("deal:deal-1")).isEqualTo(2);
        assertThat(view.parked.count()).isZero();
        assertThat(view.gaps.count()).isZero();
        assertThat(counted("kariz.view.gaps.detected")).isEqualTo(1);
        assertThat(counted("kariz.view.events.parked")).isEqualTo(1);
        assertThat(counted("kariz.view.events.unparked")).isEqualTo(1);
        assertThat(counted("kariz.view.gaps.healed")).isEqualTo(1);
    }

    @Test
    void duplicatesWhileParkedChangeNothingAndTheGapIsAskedForOnce() {
        List<ConsumedEvent> events = List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.moved("proposal", T0.plusSeconds(10)), deal.lost("No budget", T0.plusSeconds(20)),
                deal.reopened(T0.plusSeconds(30)));

        view.apply(events.get(0), events.get(2), events.get(3), events.get(2), events.get(0), events.get(3));

        assertThat(view.parked.count()).isEqualTo(2);
        assertThat(counted("kariz.view.events.parked")).isEqualTo(2);
        assertThat(requested).containsExactly(new Position("deal", "deal-1", 1));

        view.apply(events.get(1));
        Map<String, List<Document>> healed = view.snapshot();
        view.apply(events);

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.OPEN);
        assertThat(view.card("deal-1").stageId()).isEqualTo("proposal");
        assertThat(view.snapshot()).isEqualTo(healed);
        assertThat(healed).isEqualTo(inOrder(events));
    }

    @Test
    void aGapInOneDealNeverHoldsUpAnother() {
        DealStory other = new DealStory(ORG, "deal-2");
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        deal.moved("proposal", T0.plusSeconds(10));
        ConsumedEvent won = deal.won(T0.plusSeconds(20));

        view.apply(opened, won, other.opened("Small order", PIPELINE, "lead", T0),
                other.moved("proposal", T0.plusSeconds(5)), other.won(T0.plusSeconds(6)));

        assertThat(view.card("deal-2").status()).isEqualTo(DealStatus.WON);
        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.OPEN);
        assertThat(requested).containsExactly(new Position("deal", "deal-1", 1));
    }

    @Test
    void aStreamWhoseFirstEventsAreMissingWaitsForThem() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(10));

        view.apply(moved);

        assertThat(view.hasCard("deal-1")).isFalse();
        assertThat(requested).containsExactly(new Position("deal", "deal-1", 0));

        view.apply(opened);

        assertThat(view.card("deal-1").stageId()).isEqualTo("proposal");
    }

    @Test
    void dealAndActivityStreamsFromTwoTopicsInAnyOrderWithGapsGiveTheInOrderView() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(10));
        ConsumedEvent scheduled = deal.scheduled("call-1", "call", "First call", TOMORROW, T0.plusSeconds(1));
        ConsumedEvent postponed = deal.postponed("call-1", new Due(LocalDate.parse("2026-11-22"), null,
                "Asia/Tehran"), "Busy", T0.plusSeconds(11));
        ConsumedEvent completed = deal.completed("call-1", "Interested", T0.plusSeconds(21));
        List<ConsumedEvent> asWritten = List.of(opened, scheduled, moved, postponed, completed);

        view.apply(completed, moved, scheduled);

        assertThat(requested).containsExactly(new Position("activity", "call-1", 0),
                new Position("deal", "deal-1", 0), new Position("activity", "call-1", 1));

        view.apply(opened, postponed);

        assertThat(view.parked.count()).isZero();
        assertThat(view.gaps.count()).isZero();
        assertThat(view.snapshot()).isEqualTo(inOrder(asWritten));
        assertThat(view.card("deal-1").doneActivityCount()).isEqualTo(1);
    }

    @Test
    void aSecondGapInTheSameStreamIsAskedForOnceTheFirstIsFilled() {
        List<ConsumedEvent> events = List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.moved("proposal", T0.plusSeconds(10)), deal.lost("No budget", T0.plusSeconds(20)),
                deal.reopened(T0.plusSeconds(30)), deal.won(T0.plusSeconds(40)));

        view.apply(events.get(0), events.get(2), events.get(4));
        view.apply(events.get(1));

        assertThat(view.positions.appliedSequence("deal:deal-1")).isEqualTo(2);
        assertThat(view.gaps.find("deal:deal-1")).hasValueSatisfying(gap ->
                assertThat(gap.fromSequence()).isEqualTo(3));
        assertThat(requested).containsExactly(new Position("deal", "deal-1", 1), new Position("deal", "deal-1", 3));

        view.apply(events.get(3));

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.WON);
        assertThat(view.gaps.count()).isZero();
        assertThat(counted("kariz.view.gaps.detected")).isEqualTo(2);
        assertThat(counted("kariz.view.gaps.healed")).isEqualTo(2);
    }

    @Test
    void aParkedEventThatCannotBeAppliedStaysParkedWithoutFailingTheEventThatFilledTheGap() {
        List<ConsumedEvent> events = List.of(deal.opened("Big order", PIPELINE, "lead", T0),
                deal.moved("proposal", T0.plusSeconds(10)), deal.lost("No budget", T0.plusSeconds(20)),
                deal.reopened(T0.plusSeconds(30)));
        view.apply(events.get(0), events.get(2), events.get(3));
        failing.add(events.get(2).eventId());

        assertThatCode(() -> view.apply(events.get(1))).doesNotThrowAnyException();

        assertThat(view.card("deal-1").stageId()).isEqualTo("proposal");
        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.OPEN);
        assertThat(view.parked.count()).isEqualTo(2);
        assertThat(requested).containsExactly(new Position("deal", "deal-1", 1), new Position("deal", "deal-1", 2));

        failing.clear();
        view.apply(events.get(2));

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.OPEN);
        assertThat(view.positions.appliedSequence("deal:deal-1")).isEqualTo(3);
        assertThat(view.gaps.count()).isZero();
    }

    @Test
    void aRedeliveryResumesApplyingParkedEventsWhereACrashStoppedIt() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(10));
        ConsumedEvent won = deal.won(T0.plusSeconds(20));
        view.apply(opened, won);
        failing.add(won.eventId());
        view.apply(moved);
        failing.clear();

        view.apply(moved);

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.WON);
        assertThat(view.parked.count()).isZero();
        assertThat(view.gaps.count()).isZero();
    }

    @Test
    void parkedEventsOutliveARestart() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        ConsumedEvent moved = deal.moved("proposal", T0.plusSeconds(10));
        ConsumedEvent won = deal.won(T0.plusSeconds(20));
        view.apply(opened, won);

        View restarted = new View(view.database);
        restarted.apply(moved);

        assertThat(restarted.card("deal-1").status()).isEqualTo(DealStatus.WON);
        assertThat(restarted.parked.count()).isZero();
    }

    @Test
    void anEventOfAKindThisViewDoesNotKnowStillMovesItsStreamOn() {
        ConsumedEvent opened = deal.opened("Big order", PIPELINE, "lead", T0);
        ConsumedEvent newer = new ConsumedEvent("event-x", "kariz.deal.archived.v1",
                new Position("deal", "deal-1", 1), T0, "correlation-1",
                new app.kariz.support.consume.UnknownEvent("kariz.deal.archived.v1", ORG));
        deal.moved("lead", T0.plusSeconds(5));
        ConsumedEvent won = deal.won(T0.plusSeconds(20));

        view.apply(opened, won, newer);

        assertThat(view.card("deal-1").status()).isEqualTo(DealStatus.WON);
        assertThat(view.parked.count()).isZero();
    }

    private double counted(String name) {
        return meters.counter(name, "aggregateType", "deal").count()
                + meters.counter(name, "aggregateType", "activity").count();
    }

    /** The read models after applying {@code events} in the order they were written, without any gap. */
    private Map<String, List<Document>> inOrder(List<ConsumedEvent> events) {
        View reference = new View(mongo.freshDatabase("in_order_reference"));
        reference.apply(events);
        return reference.snapshot();
    }

    /** The projection behind {@link InOrderStreams}, as the service wires them, over one database. */
    private final class View {

        final MongoDatabase database;
        final ViewCollections collections;
        final AppliedPositions positions;
        final ParkedEvents parked;
        final OpenGaps gaps;
        final InOrderStreams streams;
        final DealCards cards;

        View(MongoDatabase database) {
            this.database = database;
            collections = ViewCollections.in(database);
            collections.createIndexes();
            positions = new AppliedPositions(collections.positions(), Duration.ofMillis(50));
            parked = ParkedEvents.in(database);
            parked.createIndexes();
            gaps = OpenGaps.in(database);
            PipelineViewProjection projection = new PipelineViewProjection(collections, positions);
            streams = new InOrderStreams(event -> {
                if (failing.contains(event.eventId())) {
                    throw new IllegalStateException("Cannot apply " + event.eventId());
                }
                projection.handle(event);
            }, positions, parked, gaps, requested::add, BACKOFF, clock, meters);
            cards = new DealCards(collections.dealCards(), new IndicatorRule(clock), new RottingRule(clock),
                    new Pipelines(collections.pipelines()));
            if (positions.appliedSequence("pipeline:" + PIPELINE) < 0) {
                apply(DealStory.pipelineCreated(ORG, PIPELINE, "Sales", List.of(
                        new PipelineStage("lead", "Lead", 0, null),
                        new PipelineStage("proposal", "Proposal", 1, null))));
            }
        }

        void apply(ConsumedEvent... events) {
            apply(List.of(events));
        }

        void apply(List<ConsumedEvent> events) {
            events.forEach(streams::handle);
        }

        DealCard card(String dealId) {
            return cards.find(ORG, dealId).orElseThrow(() -> new AssertionError("No card of " + dealId));
        }

        boolean hasCard(String dealId) {
            return cards.find(ORG, dealId).isPresent();
        }

        /** The read models (not the waiting room), in _id order. */
        Map<String, List<Document>> snapshot() {
            Map<String, List<Document>> snapshot = new LinkedHashMap<>();
            for (String name : List.of("positions", "pipelines", "activities", "deal_cards", "timeline")) {
                snapshot.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id"))
                        .into(new ArrayList<>()));
            }
            return snapshot;
        }
    }
}
