package app.kariz.view.board;

import app.kariz.support.web.NotFoundException;
import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.BoardOrder;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.Indicator;
import app.kariz.view.card.IndicatorQuery;
import app.kariz.view.pipeline.Pipeline;
import app.kariz.view.pipeline.Pipelines;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a pipeline's board from its open deal cards, in the database: one aggregation counts and values every
 * stage's cards per indicator, and each stage's first page is read bucket by bucket ({@link BoardOrder}). All of
 * one read is judged at one instant. A deleted pipeline has no board; a deleted deal has no status and so is never
 * among the open cards; a deal on a stage the pipeline does not list is on no column.
 */
public class Boards {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final MongoCollection<Document> dealCards;
    private final DealCards cards;
    private final Pipelines pipelines;
    private final BoardTallies tallies;

    /** Without a change mark: every board counts its cards again. */
    public Boards(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines) {
        this(dealCards, cards, pipelines, Object::new);
    }

    /**
     * @param changeMark something equal to its earlier value exactly when no card or pipeline of any board changed
     *                   in between (the live streams' change log's head, with the generation served): a board's
     *                   counts and totals are kept while it stays the same ({@link BoardTallies})
     */
    public Boards(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines,
                  Supplier<Object> changeMark) {
        this.dealCards = dealCards;
        this.cards = cards;
        this.pipelines = pipelines;
        this.tallies = new BoardTallies(changeMark);
    }

    /** The whole board, unfiltered, with the default number of cards per stage. */
    public Optional<Board> find(String organizationId, String pipelineId) {
        return find(organizationId, pipelineId, BoardFilter.NONE, DEFAULT_LIMIT);
    }

    /** @param limit how many cards each stage shows at most */
    public Optional<Board> find(String organizationId, String pipelineId, BoardFilter filter, int limit) {
        return pipelines.find(organizationId, pipelineId)
                .map(pipeline -> board(organizationId, pipeline, filter, limit, cards.indicators().now()));
    }

    /** A stage's cards after {@code after} (null: from the first); empty when the pipeline or stage is unknown. */
    public Optional<DealPage> stageDeals(String organizationId, String pipelineId, String stageId, BoardFilter filter,
                                         BoardCursor after, int limit) {
        return pipelines.find(organizationId, pipelineId)
                .flatMap(pipeline -> pipeline.stages().stream().filter(stage -> stage.id().equals(stageId)).findFirst())
                .map(stage -> page(organizationId, pipelineId, stage, filter, filter.indicators(), after, limit,
                        cards.indicators().now()));
    }

    public static NotFoundException pipelineNotFound(String pipelineId) {
        return new NotFoundException("No pipeline with id " + pipelineId + " exists");
    }

    private Board board(String organizationId, Pipeline pipeline, BoardFilter filter, int limit, Instant now) {
        Map<String, StageTally> tallies = tally(organizationId, pipeline.id(), filter, now);
        List<Board.Column> columns = new ArrayList<>();
        for (Pipeline.Stage stage : pipeline.stages()) {
            StageTally tally = tallies.getOrDefault(stage.id(), new StageTally());
            Set<Indicator> nonEmpty = EnumSet.noneOf(Indicator.class);
            filter.indicators().stream().filter(indicator -> !tally.isEmpty(indicator)).forEach(nonEmpty::add);
            DealPage first = nonEmpty.isEmpty() ? new DealPage(List.of(), null)
                    : page(organizationId, pipeline.id(), stage, filter, nonEmpty, null, limit, now);
            columns.add(new Board.Column(stage.id(), stage.name(), stage.order(), stage.rottenAfterDays(),
                    tally.counts(), tally.count(filter.indicators()), tally.totalValue(filter.indicators()),
                    first.deals(), first.nextCursor()));
        }
        return new Board(pipeline.id(), pipeline.name(), columns);
    }

    /**
     * Every open card of the pipeline (of the owner, when given; only those the viewer may see) grouped by stage,
     * indicator and value: the counts come back per group, and the amounts (stored as decimal strings) are summed
     * exactly here, since neither MongoDB nor its in-process stand-in sums decimal strings. Each group also gives
     * the earliest instant one of its cards turns TODAY or OVERDUE, which bounds how long the tally stays true.
     */
    private Map<String, StageTally> tally(String organizationId, String pipelineId, BoardFilter filter, Instant now) {
        BoardTallies.Key key = new BoardTallies.Key(organizationId, pipelineId, filter.ownerId(),
                filter.restrictedToOwnerId());
        return tallies.get(key, now, () -> {
            List<Bson> match = new ArrayList<>(List.of(Filters.eq("organizationId", organizationId),
                    Filters.eq("pipelineId", pipelineId), Filters.eq("status", DealStatus.OPEN.name())));
            match.addAll(ownerConditions(filter));
            Document groupKey = new Document("stageId", "$stageId")
                    .append("indicator", IndicatorQuery.nameOf(now))
                    .append("currency", "$value.currency")
                    .append("amount", "$value.amount");
            Map<String, StageTally> byStage = new HashMap<>();
            Instant[] turns = {Instant.MAX};
            dealCards.aggregate(List.of(Aggregates.match(Filters.and(match)),
                            Aggregates.group(groupKey, Accumulators.sum("cards", 1),
                                    Accumulators.min("firstToday", "$" + IndicatorQuery.TODAY_AT),
                                    Accumulators.min("firstOverdue", "$" + IndicatorQuery.OVERDUE_AT))))
                    .forEach(row -> {
                        Document group = row.get("_id", Document.class);
                        Indicator indicator = Indicator.valueOf(group.getString("indicator"));
                        byStage.computeIfAbsent(group.getString("stageId"), stage -> new StageTally())
                                .add(indicator, row.get("cards", Number.class).intValue(),
                                        group.getString("currency"), group.getString("amount"));
                        // A planned card turns TODAY first (todayAt <= overdueAt); one due today turns OVERDUE.
                        Date next = switch (indicator) {
                            case PLANNED -> row.getDate("firstToday");
                            case TODAY -> row.getDate("firstOverdue");
                            case NO_ACTIVITY, OVERDUE -> null;
                        };
                        if (next != null && next.toInstant().isBefore(turns[0])) {
                            turns[0] = next.toInstant();
                        }
                    });
            return new BoardTallies.Counted(byStage, turns[0]);
        });
    }

    private DealPage page(String organizationId, String pipelineId, Pipeline.Stage stage, BoardFilter filter,
                          Set<Indicator> indicators, BoardCursor after, int limit, Instant now) {
        List<Bson> scope = new ArrayList<>(List.of(Filters.eq("organizationId", organizationId),
                Filters.eq("pipelineId", pipelineId), Filters.eq("stageId", stage.id())));
        scope.addAll(ownerConditions(filter));
        BoardOrder.Page page = BoardOrder.page(dealCards, Filters.and(scope), indicators, after, limit, now);
        return new DealPage(page.cards().stream().map(card -> cards.toCard(card, stage.rottenAfterDays(), now))
                .toList(), page.next() == null ? null : page.next().encode());
    }

    /**
     * The owner asked for and the owner the viewer is restricted to are two conditions, so asking a restricted
     * viewer's board for someone else's deals finds nothing.
     */
    private static List<Bson> ownerConditions(BoardFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.ownerId() != null) {
            conditions.add(Filters.eq("ownerId", filter.ownerId()));
        }
        if (filter.restrictedToOwnerId() != null) {
            conditions.add(Filters.eq("ownerId", filter.restrictedToOwnerId()));
        }
        return conditions;
    }
}
