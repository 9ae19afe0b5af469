package app.kariz.view.deallist;

import app.kariz.view.card.BoardCursor;
import app.kariz.view.card.BoardOrder;
import app.kariz.view.card.DealCard;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.DealPage;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.OpaqueCursor;
import app.kariz.view.pipeline.Pipeline;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ScopedCollection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deal list and search over an organisation's deal cards, one page at a time: newest created first, or, when
 * an indicator filter is given (the attention list is {@code NO_ACTIVITY,OVERDUE}), in board order across stages
 * and pipelines. Both orders are database sorts with keyset cursors.
 */
public class DealList {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String NEWEST_FIRST = "newest";

    private final ScopedCollection dealCards;
    private final DealCards cards;
    private final Pipelines pipelines;

    public DealList(MongoCollection<Document> dealCards, DealCards cards, Pipelines pipelines) {
        this.dealCards = new ScopedCollection(dealCards);
        this.cards = cards;
        this.pipelines = pipelines;
    }

    /** @param cursor the previous page's {@code nextCursor}; null for the first page */
    public DealPage find(String organizationId, DealQuery query, String cursor, int limit) {
        Instant now = cards.indicators().now();
        List<Bson> scope = scope(query);
        if (query.indicators() != null) {
            BoardOrder.Page page = BoardOrder.page(dealCards, organizationId, scope, query.indicators(),
                    BoardCursor.parse(cursor), limit, now);
            return new DealPage(cardsOf(organizationId, page.cards(), now),
                    page.next() == null ? null : page.next().encode());
        }
        return newestFirst(organizationId, scope, cursor, limit, now);
    }

    /** The conditions on the organisation's cards, which every read adds. */
    private static List<Bson> scope(DealQuery query) {
        List<Bson> filters = new ArrayList<>(DealCards.visible());
        filters.add(query.status() != null
                ? Filters.eq("status", query.status().name())
                : Filters.in("status", Arrays.stream(DealStatus.values()).map(DealStatus::name).toList()));
        if (query.pipelineId() != null) {
            filters.add(Filters.eq("pipelineId", query.pipelineId()));
        }
        if (query.ownerId() != null) {
            filters.add(Filters.eq("ownerId", query.ownerId()));
        }
        // A condition of its own: a restricted viewer's ownerId filter naming someone else finds nothing.
        if (query.restrictedToOwnerId() != null) {
            filters.add(Filters.eq("ownerId", query.restrictedToOwnerId()));
        }
        if (query.text() != null) {
            filters.add(TextSearch.matching(query.text()));
        }
        return filters;
    }

    private DealPage newestFirst(String organizationId, List<Bson> scope, String cursor, int limit, Instant now) {
        List<Bson> filter = new ArrayList<>(scope);
        if (cursor != null && !cursor.isBlank()) {
            filter.add(after(cursor.strip()));
        }
        List<Document> found = dealCards.find(organizationId, filter).sort(Sorts.descending("createdAt", "_id"))
                .limit(limit + 1).into(new ArrayList<>());
        boolean more = found.size() > limit;
        List<Document> page = more ? found.subList(0, limit) : found;
        String next = null;
        if (more) {
            Document last = page.get(page.size() - 1);
            next = OpaqueCursor.encode(NEWEST_FIRST,
                    Long.toString(BsonValues.instant(last, "createdAt").toEpochMilli()), last.getString("_id"));
        }
        return new DealPage(cardsOf(organizationId, page, now), next);
    }

    /** The cards created before the cursor's, or at the same millisecond with a smaller id. */
    private static Bson after(String cursor) {
        List<String> parts = OpaqueCursor.decode(cursor, NEWEST_FIRST, 2);
        Instant createdAt;
        try {
            createdAt = Instant.ofEpochMilli(Long.parseLong(parts.get(0)));
        } catch (NumberFormatException e) {
            throw OpaqueCursor.invalid();
        }
        return Filters.and(Filters.lte("createdAt", BsonValues.date(createdAt)), Filters.or(
                Filters.lt("createdAt", BsonValues.date(createdAt)), Filters.lt("_id", parts.get(1))));
    }

    /** Each card with its stage's rotting threshold; a page reads each of its pipelines once. */
    private List<DealCard> cardsOf(String organizationId, List<Document> documents, Instant now) {
        Map<String, Optional<Pipeline>> pipelinesById = new HashMap<>();
        return documents.stream().map(card -> {
            Integer rottenAfterDays = pipelinesById
                    .computeIfAbsent(card.getString("pipelineId"), id -> pipelines.find(organizationId, id))
                    .flatMap(pipeline -> pipeline.stages().stream()
                            .filter(stage -> stage.id().equals(card.getString("stageId"))).findFirst())
                    .map(Pipeline.Stage::rottenAfterDays)
                    .orElse(null);
            return cards.toCard(card, rottenAfterDays, now);
        }).toList();
    }
}
