package app.kariz.view.stream;

import app.kariz.view.card.DealStatus;
import app.kariz.view.store.ScopedCollection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When open cards of a board change their indicator by the clock alone: an open card is PLANNED until its
 * {@code todayAt}, TODAY until its {@code overdueAt}, then OVERDUE, so those two stored instants are the only
 * moments its indicator turns without a write.
 */
final class IndicatorTurns {

    private static final Bson OPEN = Filters.eq("status", DealStatus.OPEN.name());

    private final Supplier<MongoCollection<Document>> dealCards;

    IndicatorTurns(Supplier<MongoCollection<Document>> dealCards) {
        this.dealCards = dealCards;
    }

    /** The earliest turn of an open card of the board after {@code after}; null when none is ahead. */
    Instant nextAfter(String organizationId, String pipelineId, Instant after) {
        Instant today = earliest(organizationId, pipelineId, "todayAt", after);
        Instant overdue = earliest(organizationId, pipelineId, "overdueAt", after);
        if (today == null || overdue == null) {
            return today == null ? overdue : today;
        }
        return today.isBefore(overdue) ? today : overdue;
    }

    /**
     * The open cards of the board whose indicator turned in {@code (after, upTo]}; empty when there are more than
     * {@code limit}.
     */
    Optional<List<String>> turnedBetween(String organizationId, String pipelineId, Instant after, Instant upTo,
                                         int limit) {
        Date from = Date.from(after);
        Date to = Date.from(upTo);
        List<String> dealIds = new ArrayList<>();
        cards().find(organizationId, Filters.eq("pipelineId", pipelineId), OPEN, Filters.or(
                        Filters.and(Filters.gt("todayAt", from), Filters.lte("todayAt", to)),
                        Filters.and(Filters.gt("overdueAt", from), Filters.lte("overdueAt", to))))
                .projection(Projections.include("_id"))
                .limit(limit + 1)
                .forEach(card -> dealIds.add(card.getString("_id")));
        return dealIds.size() > limit ? Optional.empty() : Optional.of(dealIds);
    }

    private Instant earliest(String organizationId, String pipelineId, String field, Instant after) {
        Document card = cards().find(organizationId, Filters.eq("pipelineId", pipelineId), OPEN,
                        Filters.gt(field, Date.from(after)))
                .projection(Projections.include(field))
                .sort(Sorts.ascending(field))
                .limit(1)
                .first();
        return card == null ? null : card.getDate(field).toInstant();
    }

    /** The served generation's cards, as an organisation's reads see them. */
    private ScopedCollection cards() {
        return new ScopedCollection(dealCards.get());
    }
}
