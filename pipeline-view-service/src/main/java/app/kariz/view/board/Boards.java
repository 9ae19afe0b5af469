package app.kariz.view.board;

import app.kariz.kernel.NotFoundException;
import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.BoardOrder;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DealPage;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.pipeline.Pipeline;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.ScopedCollection;
import app.kariz.view.stream.BoardChangeLog;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Builds a pipeline's board from its open deal cards: the counts and totals of every stage per indicator from the
 * cards kept in memory ({@link BoardTallies}), and each stage's first page read from the database bucket by bucket
 * ({@link BoardOrder}). All of
 * one read is judged at one instant. A deleted pipeline has no board; a deleted deal has no status and so is never
 * among the open cards; a deal on a stage the pipeline does not list is on no column.
 */
public class Boards {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final ScopedCollection dealCards;
    private final DealCards cards;
    private final Pipelines pipelines;
    private final BoardTallies tallies;

    /** Without a change log: every board reads and counts all its open cards again. */
    public Boards(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines) {
        this(dealCards, cards, pipelines, BoardTallies.countedEachTime(dealCards));
    }

    /**
     * Boards whose counts and totals are kept in memory and brought up to date from {@code changeLog}
     * ({@link BoardTallies}).
     *
     * @param generation the generation of the view {@code dealCards} reads at the moment of the call
     */
    public Boards(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines,
                  BoardChangeLog changeLog, LongSupplier generation) {
        this(dealCards, cards, pipelines, BoardTallies.following(dealCards, changeLog, generation));
    }

    Boards(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines, BoardTallies tallies) {
        this.dealCards = new ScopedCollection(dealCards);
        this.cards = cards;
        this.pipelines = pipelines;
        this.tallies = tallies;
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

    private Map<String, StageTally> tally(String organizationId, String pipelineId, BoardFilter filter, Instant now) {
        return tallies.tally(organizationId, pipelineId, filter, now);
    }

    private DealPage page(String organizationId, String pipelineId, Pipeline.Stage stage, BoardFilter filter,
                          Set<Indicator> indicators, BoardCursor after, int limit, Instant now) {
        List<Bson> scope = new ArrayList<>(List.of(Filters.eq("pipelineId", pipelineId),
                Filters.eq("stageId", stage.id())));
        scope.addAll(ownerConditions(filter));
        BoardOrder.Page page = BoardOrder.page(dealCards, organizationId, scope, indicators, after, limit, now);
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
