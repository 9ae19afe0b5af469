package app.kariz.view.board;

import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.Indicator;
import app.kariz.view.pipeline.Pipeline;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a pipeline's board from its open deal cards. A deleted pipeline has no board; a deleted deal has no
 * status and so is never among the open cards.
 */
public class Boards {

    /**
     * The contract's order within a stage: NO_ACTIVITY, OVERDUE, TODAY, PLANNED, then by next due, then by
     * creation; the id last so equal cards never swap places between two reads.
     */
    private static final Comparator<Placed> BOARD_ORDER = Comparator
            .comparing((Placed placed) -> placed.card().indicator())
            .thenComparing(Placed::nextDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(placed -> placed.card().createdAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(placed -> placed.card().id());

    private final MongoCollection<Document> dealCards;
    private final DealCards cards;
    private final Pipelines pipelines;

    public Boards(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines) {
        this.dealCards = dealCards;
        this.cards = cards;
        this.pipelines = pipelines;
    }

    public Optional<Board> find(String organizationId, String pipelineId) {
        return pipelines.find(organizationId, pipelineId).map(pipeline -> board(organizationId, pipeline));
    }

    private Board board(String organizationId, Pipeline pipeline) {
        Map<String, List<Document>> byStage = new HashMap<>();
        dealCards.find(Filters.and(Filters.eq("organizationId", organizationId),
                        Filters.eq("pipelineId", pipeline.id()), Filters.eq("status", DealStatus.OPEN.name())))
                .forEach(card -> byStage.computeIfAbsent(card.getString("stageId"), stage -> new ArrayList<>())
                        .add(card));
        // A deal on a stage the pipeline does not list cannot be placed; the pipeline's stages are the columns.
        List<Board.Column> columns = pipeline.stages().stream()
                .map(stage -> column(stage, byStage.getOrDefault(stage.id(), List.of())))
                .toList();
        return new Board(pipeline.id(), pipeline.name(), columns);
    }

    private Board.Column column(Pipeline.Stage stage, List<Document> documents) {
        List<Placed> placed = documents.stream()
                .map(card -> new Placed(cards.toCard(card, stage.rottenAfterDays()),
                        BsonValues.instant(card, "nextDueAt")))
                .sorted(BOARD_ORDER)
                .toList();
        Map<Indicator, Integer> counts = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            counts.put(indicator, 0);
        }
        placed.forEach(card -> counts.merge(card.card().indicator(), 1, Integer::sum));
        return new Board.Column(stage.id(), stage.name(), stage.order(), stage.rottenAfterDays(), counts,
                placed.stream().map(Placed::card).toList());
    }

    /** A card with the instant it is ordered by, which the card itself shows only as a local date and time. */
    private record Placed(DealCard card, Instant nextDueAt) {
    }
}
