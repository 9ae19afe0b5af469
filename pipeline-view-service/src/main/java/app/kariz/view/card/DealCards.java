package app.kariz.view.card;

import app.kariz.kernel.NotFoundException;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.BsonValues;
import app.kariz.view.store.ScopedCollection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads deal cards, judging each one's indicator and rotting at the time of reading. */
public class DealCards {

    private final ScopedCollection dealCards;
    private final IndicatorRule indicators;
    private final RottingRule rotting;
    private final Pipelines pipelines;

    public DealCards(MongoCollection<Document> dealCards, IndicatorRule indicators, RottingRule rotting,
                     Pipelines pipelines) {
        this.dealCards = new ScopedCollection(dealCards);
        this.indicators = indicators;
        this.rotting = rotting;
        this.pipelines = pipelines;
    }

    /**
     * The conditions of a card that is a deal (the organisation is every read's own). A card that activities created
     * before its {@code DealOpened} arrived has no status yet and is not a deal anyone can see; neither is the
     * tombstone a deleted deal leaves.
     */
    public static List<Bson> visible() {
        return List.of(Filters.ne("status", null), Filters.exists("deletedAt", false));
    }


    /** The rule this reader judges indicators by; queries by indicator take their instant from it. */
    public IndicatorRule indicators() {
        return indicators;
    }

    public static NotFoundException notFound(String dealId) {
        return new NotFoundException("No deal with id " + dealId + " exists");
    }

    public Optional<DealCard> find(String organizationId, String dealId) {
        return Optional.ofNullable(dealCards.find(organizationId, visible(), Filters.eq("_id", dealId)).first())
                .map(card -> toCard(card, pipelines.rottenAfterDays(organizationId, card.getString("pipelineId"),
                        card.getString("stageId"))));
    }

    /**
     * The card of a document from {@code deal_cards}; a document without status is not a card.
     *
     * @param rottenAfterDays the threshold of the card's stage, null when it never rots
     */
    public DealCard toCard(Document card, Integer rottenAfterDays) {
        return toCard(card, rottenAfterDays, indicators.now());
    }

    /** {@link #toCard(Document, Integer)} with the indicator and rotting judged at {@code now}. */
    public DealCard toCard(Document card, Integer rottenAfterDays, Instant now) {
        DealStatus status = DealStatus.valueOf(card.getString("status"));
        ActivitySummary activities = summary(card);
        Document value = card.get("value", Document.class);
        String expectedCloseDate = card.getString("expectedCloseDate");
        Instant rottenSince = rotting.rottenSince(status, lastTouchedAt(card), rottenAfterDays, now);
        return new DealCard(card.getString("_id"), card.getString("title"), card.getString("pipelineId"),
                card.getString("stageId"), status, activities.indicator(status, indicators, now),
                NextActivity.of(activities.nextActivity()), activities.openActivityCount(),
                activities.doneActivityCount(), amount(value), card.getString("ownerId"),
                BsonValues.instant(card, "createdAt"), card.getString("personName"),
                card.getString("organizationName"),
                expectedCloseDate == null ? null : LocalDate.parse(expectedCloseDate),
                BsonValues.instant(card, "stageEnteredAt"), BsonValues.instant(card, "wonAt"),
                BsonValues.instant(card, "lostAt"), card.getString("lostReason"),
                version(card), rottenSince != null, rottenSince);
    }

    private static long version(Document card) {
        Number sequence = card.get("dealSeq", Number.class);
        return sequence == null ? 0 : sequence.longValue();
    }

    /** A stored {@code {amount, currency}} as the API shows it; null stays null. */
    public static DealCard.Amount amount(Document value) {
        return value == null ? null : new DealCard.Amount(value.getString("amount"), value.getString("currency"));
    }

    /**
     * The latest touch ({@link RottingRule}): the deal events' {@code touchedAt} and the activities'
     * {@code lastCompletedAt} are kept apart, each by its own topic, and only combined here. Cards written before
     * touches were recorded fall back to when the deal entered its stage.
     */
    static Instant lastTouchedAt(Document card) {
        Instant touched = BsonValues.instant(card, "touchedAt");
        Instant dealTouched = touched != null ? touched : BsonValues.instant(card, "stageEnteredAt");
        Instant completed = BsonValues.instant(card, "lastCompletedAt");
        if (dealTouched == null || completed == null) {
            return dealTouched != null ? dealTouched : completed;
        }
        return dealTouched.isAfter(completed) ? dealTouched : completed;
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
