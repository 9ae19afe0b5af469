package app.kariz.view.card;

import app.kariz.support.web.NotFoundException;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Reads deal cards, judging each one's indicator at the time of reading. */
public class DealCards {

    private final MongoCollection<Document> dealCards;
    private final IndicatorRule indicators;

    public DealCards(MongoCollection<Document> dealCards, IndicatorRule indicators) {
        this.dealCards = dealCards;
        this.indicators = indicators;
    }

    /**
     * Cards of this organisation only. A card that activities created before its {@code DealOpened} arrived
     * has no status yet and is not a deal anyone can see.
     */
    public static Bson visibleTo(String organizationId) {
        return Filters.and(Filters.eq("organizationId", organizationId), Filters.ne("status", null));
    }

    public static NotFoundException notFound(String dealId) {
        return new NotFoundException("No deal with id " + dealId + " exists");
    }

    public Optional<DealCard> find(String organizationId, String dealId) {
        return Optional.ofNullable(dealCards.find(Filters.and(Filters.eq("_id", dealId), visibleTo(organizationId)))
                .first()).map(this::toCard);
    }

    /** The card of a document from {@code deal_cards}; a document without status is not a card. */
    public DealCard toCard(Document card) {
        DealStatus status = DealStatus.valueOf(card.getString("status"));
        ActivitySummary activities = summary(card);
        Document value = card.get("value", Document.class);
        String expectedCloseDate = card.getString("expectedCloseDate");
        return new DealCard(card.getString("_id"), card.getString("title"), card.getString("pipelineId"),
                card.getString("stageId"), status, indicators.ofDeal(status, activities),
                NextActivity.of(activities.nextActivity()), activities.openActivityCount(),
                activities.doneActivityCount(),
                value == null ? null : new DealCard.Amount(value.getString("amount"), value.getString("currency")),
                card.getString("ownerId"), BsonValues.instant(card, "createdAt"), card.getString("personName"),
                card.getString("organizationName"),
                expectedCloseDate == null ? null : LocalDate.parse(expectedCloseDate),
                BsonValues.instant(card, "stageEnteredAt"), BsonValues.instant(card, "wonAt"),
                BsonValues.instant(card, "lostAt"), card.getString("lostReason"));
    }

    /** The summary as the projection stored it; the fields are missing until the summary is first computed. */
    public static ActivitySummary summary(Document card) {
        Document next = card.get("nextActivity", Document.class);
        Instant todayAt = BsonValues.instant(card, "todayAt");
        Instant overdueAt = BsonValues.instant(card, "overdueAt");
        return new ActivitySummary(card.getInteger("openActivityCount", 0), card.getInteger("doneActivityCount", 0),
                todayAt, overdueAt, next == null ? null : new ScheduledActivity(next.getString("id"),
                next.getString("type"), next.getString("subject"), BsonValues.due(next.get("due", Document.class)),
                BsonValues.instant(next, "scheduledAt")));
    }
}
