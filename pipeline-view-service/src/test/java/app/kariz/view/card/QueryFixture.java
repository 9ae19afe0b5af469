package app.kariz.view.card;

import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.Money;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.view.DealStory;
import app.kariz.view.SettableClock;
import app.kariz.view.agenda.Agendas;
import app.kariz.view.board.Boards;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.deallist.DealList;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.store.ViewCollections;
import app.kariz.view.stream.BoardChangeLog;
import app.kariz.view.stream.ChangeRecordingProjection;
import app.kariz.view.timeline.Timelines;
import com.mongodb.client.MongoDatabase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The projection and every query over one database, wired as the service wires them, with a clock the test sets.
 * Events go through the projection, so the queries read exactly what the consumer would have written.
 */
public final class QueryFixture {

    public static final String ORG = "org-1";
    public static final String PIPELINE = "pipeline-1";
    public static final List<String> STAGES = List.of("lead", "qualified", "proposal");

    public final SettableClock clock;
    public final ViewCollections collections;
    public final PipelineViewProjection projection;
    public final DealCards cards;
    public final Boards boards;
    public final DealList deals;
    public final Agendas agendas;
    public final Timelines timelines;

    public QueryFixture(MongoDatabase database, Instant now) {
        clock = new SettableClock(now);
        collections = ViewCollections.in(database);
        collections.createIndexes();
        // As the service wires them: every change recorded, and the boards' counts kept and brought up to date from
        // the changes.
        BoardChangeLog changes = BoardChangeLog.in(database);
        projection = new ChangeRecordingProjection(collections,
                new AppliedPositions(collections.positions(), Duration.ofMillis(50)), changes);
        IndicatorRule indicators = new IndicatorRule(clock);
        Pipelines pipelines = new Pipelines(collections.pipelines());
        cards = new DealCards(collections.dealCards(), indicators, new RottingRule(clock), pipelines);
        boards = new Boards(collections.dealCards(), cards, pipelines, changes, () -> 0);
        deals = new DealList(collections.dealCards(), cards, pipelines);
        agendas = new Agendas(collections, indicators);
        timelines = new Timelines(collections, pipelines, indicators);
        apply(DealStory.pipelineCreated(ORG, PIPELINE, "Sales", List.of(
                new PipelineStage("lead", "Lead", 0, null), new PipelineStage("qualified", "Qualified", 1, null),
                new PipelineStage("proposal", "Proposal", 2, null))));
    }

    public void apply(ConsumedEvent... events) {
        for (ConsumedEvent event : events) {
            projection.handle(event);
        }
    }

    public void apply(List<ConsumedEvent> events) {
        events.forEach(projection::handle);
    }

    /** Opens a deal with these fields; the story is returned for its activities. */
    public DealStory open(String dealId, String stageId, String title, String ownerId, String amount,
                          String currency, Instant createdAt) {
        DealStory story = new DealStory(ORG, dealId);
        apply(story.opened(title, PIPELINE, stageId, createdAt));
        DealFields fields = story.fields();
        apply(story.updated(new DealFields(title, amount == null ? null : new Money(new BigDecimal(amount), currency),
                ownerId, fields.personName(), fields.organizationName(), LocalDate.parse("2026-12-31")), createdAt));
        return story;
    }

    /** The card as {@code GET /api/v1/deals/{id}} shows it now: the per-card indicator rule. */
    public DealCard card(String dealId) {
        return cards.find(ORG, dealId).orElseThrow(() -> new AssertionError("No card " + dealId));
    }
}
