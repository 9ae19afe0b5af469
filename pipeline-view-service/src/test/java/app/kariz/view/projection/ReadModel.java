package app.kariz.view.projection;

import app.kariz.events.Position;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.view.activity.Activities;
import app.kariz.view.activity.Activity;
import app.kariz.view.board.Board;
import app.kariz.view.board.Boards;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.RottingRule;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.HealBackoff;
import app.kariz.view.consistency.InOrderStreams;
import app.kariz.view.consistency.OpenGaps;
import app.kariz.view.consistency.ParkedEvents;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.ViewCollections;
import app.kariz.view.timeline.Timeline;
import app.kariz.view.timeline.Timelines;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projection and the queries over one database, as the service wires them, for one organisation: events reach
 * the projection through {@link InOrderStreams}, which holds back an event that arrived after a gap in its
 * stream; what it would ask the publishers for is in {@link #healRequests}.
 */
final class ReadModel {

    final MongoDatabase database;
    final ViewCollections collections;
    final PipelineViewProjection projection;
    final InOrderStreams streams;
    final List<Position> healRequests = new ArrayList<>();
    private final String organizationId;
    private final DealCards cards;
    private final Boards boards;
    private final Timelines timelines;
    private final Activities activities;

    ReadModel(MongoDatabase database, Clock clock, String organizationId) {
        this.database = database;
        this.organizationId = organizationId;
        collections = ViewCollections.in(database);
        collections.createIndexes();
        AppliedPositions positions = new AppliedPositions(collections.positions(), Duration.ofMillis(50));
        projection = new PipelineViewProjection(collections, positions);
        streams = new InOrderStreams(projection, positions, ParkedEvents.in(database), OpenGaps.in(database),
                healRequests::add, new HealBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5)), clock,
                new SimpleMeterRegistry());
        IndicatorRule indicators = new IndicatorRule(clock);
        Pipelines pipelines = new Pipelines(collections.pipelines());
        cards = new DealCards(collections.dealCards(), indicators, new RottingRule(clock), pipelines);
        boards = new Boards(collections.dealCards(), cards, pipelines);
        timelines = new Timelines(collections, pipelines, indicators);
        activities = new Activities(collections, indicators);
    }

    void apply(ConsumedEvent... events) {
        apply(List.of(events));
    }

    void apply(List<ConsumedEvent> events) {
        events.forEach(streams::handle);
    }

    /**
     * Straight to the projection, bypassing the order of streams: as a consumer instance that just lost its
     * partition would still write, or a re-apply after a crash between an event's effects and its position.
     */
    void applyToProjection(ConsumedEvent... events) {
        List.of(events).forEach(projection::handle);
    }

    DealCard card(String dealId) {
        return cards.find(organizationId, dealId).orElseThrow(() -> new AssertionError("No card of " + dealId));
    }

    boolean hasTimeline(String dealId) {
        return timelines.find(organizationId, dealId).isPresent();
    }

    boolean hasBoard(String pipelineId) {
        return boards.find(organizationId, pipelineId).isPresent();
    }

    boolean hasCard(String dealId) {
        return cards.find(organizationId, dealId).isPresent();
    }

    Timeline timeline(String dealId) {
        return timelines.find(organizationId, dealId).orElseThrow(() -> new AssertionError("No timeline of " + dealId));
    }

    Activity activity(String activityId) {
        return activities.find(organizationId, activityId)
                .orElseThrow(() -> new AssertionError("No activity " + activityId));
    }

    boolean hasActivity(String activityId) {
        return activities.find(organizationId, activityId).isPresent();
    }

    Board board(String pipelineId) {
        return boards.find(organizationId, pipelineId).orElseThrow(() -> new AssertionError("No board " + pipelineId));
    }

    /** Every document of every read model, in _id order: what "changes nothing" is checked against. */
    Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        for (String name : List.of("positions", "pipelines", "activities", "deal_cards", "timeline")) {
            snapshot.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return snapshot;
    }
}
