package app.kariz.view.projection;

import app.kariz.events.deal.DealEvent;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.ActivitySummary;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.ScheduledActivity;
import app.kariz.view.store.BsonValues;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code deal_cards}: the deal's own fields come only from deal events, the activity summary only from
 * the {@code activities} collection. Because neither half reads the other, deal and activity events (which
 * travel on different topics) give the same card in whatever order they arrive. An activity may create the
 * card before the deal's {@code DealOpened}; such a card has no {@code status} and reads treat it as absent.
 */
final class DealCardWriter {

    /** The deal stream's sequence last applied to a card; -1 for a card so far made only by activities. */
    static final String DEAL_SEQUENCE = "dealSeq";

    private final MongoCollection<Document> dealCards;
    private final MongoCollection<Document> activities;

    DealCardWriter(MongoCollection<Document> dealCards, MongoCollection<Document> activities) {
        this.dealCards = dealCards;
        this.activities = activities;
    }

    void apply(DealEvent event, long sequence) {
        InOrderUpdate.apply(dealCards, event.dealId(), DEAL_SEQUENCE, sequence, updateFor(event));
        if (event instanceof DealOpened) {
            // Gives a new card its counts. Activities that arrived first have already summarised themselves on
            // the card, and later ones will, so this only makes the card complete on its own.
            refreshActivities(event.organizationId(), event.dealId());
        }
    }

    private static Bson updateFor(DealEvent event) {
        if (event instanceof DealOpened opened) {
            return Updates.combine(
                    Updates.set("organizationId", opened.organizationId()),
                    Updates.set("title", opened.title()),
                    Updates.set("pipelineId", opened.pipelineId()),
                    Updates.set("stageId", opened.stageId()),
                    Updates.set("status", DealStatus.OPEN.name()),
                    Updates.set("value", money(opened.value())),
                    Updates.set("ownerId", opened.ownerId()),
                    Updates.set("personName", opened.personName()),
                    Updates.set("organizationName", opened.organizationName()),
                    Updates.set("expectedCloseDate",
                            opened.expectedCloseDate() == null ? null : opened.expectedCloseDate().toString()),
                    Updates.set("createdAt", BsonValues.date(opened.openedAt())),
                    Updates.set("stageEnteredAt", BsonValues.date(opened.openedAt())),
                    Updates.set("wonAt", null),
                    Updates.set("lostAt", null),
                    Updates.set("lostReason", null));
        }
        if (event instanceof DealMoved moved) {
            return Updates.combine(
                    Updates.set("organizationId", moved.organizationId()),
                    Updates.set("pipelineId", moved.toPipelineId()),
                    Updates.set("stageId", moved.toStageId()),
                    Updates.set("stageEnteredAt", BsonValues.date(moved.movedAt())));
        }
        if (event instanceof DealWon won) {
            return Updates.combine(
                    Updates.set("organizationId", won.organizationId()),
                    Updates.set("status", DealStatus.WON.name()),
                    Updates.set("wonAt", BsonValues.date(won.wonAt())));
        }
        if (event instanceof DealLost lost) {
            return Updates.combine(
                    Updates.set("organizationId", lost.organizationId()),
                    Updates.set("status", DealStatus.LOST.name()),
                    Updates.set("lostAt", BsonValues.date(lost.lostAt())),
                    Updates.set("lostReason", lost.reason()));
        }
        if (event instanceof DealReopened reopened) {
            // The card shows the deal as it is now; when it was won or lost stays in the timeline.
            return Updates.combine(
                    Updates.set("organizationId", reopened.organizationId()),
                    Updates.set("status", DealStatus.OPEN.name()),
                    Updates.set("wonAt", null),
                    Updates.set("lostAt", null),
                    Updates.set("lostReason", null));
        }
        throw new IllegalArgumentException("Not a known deal event: " + event.getClass().getName());
    }

    /** Recomputes the card's activity summary from the deal's activities as they are now. Idempotent. */
    void refreshActivities(String organizationId, String dealId) {
        List<ScheduledActivity> open = new ArrayList<>();
        activities.find(Filters.and(Filters.eq("dealId", dealId), Filters.eq("organizationId", organizationId),
                        Filters.eq("status", ActivityStatus.OPEN.name())))
                .sort(Sorts.ascending("overdueFrom"))
                .forEach(activity -> open.add(ScheduledActivity.of(activity)));
        long done = activities.countDocuments(Filters.and(Filters.eq("dealId", dealId),
                Filters.eq("organizationId", organizationId), Filters.eq("status", ActivityStatus.DONE.name())));
        ActivitySummary summary = ActivitySummary.of(open, Math.toIntExact(done));
        dealCards.updateOne(Filters.eq("_id", dealId), Updates.combine(
                        Updates.setOnInsert("organizationId", organizationId),
                        Updates.setOnInsert(DEAL_SEQUENCE, -1L),
                        Updates.set("openActivityCount", summary.openActivityCount()),
                        Updates.set("doneActivityCount", summary.doneActivityCount()),
                        Updates.set("todayAt", BsonValues.date(summary.todayAt())),
                        Updates.set("overdueAt", BsonValues.date(summary.overdueAt())),
                        Updates.set("nextDueAt", BsonValues.date(summary.nextDueAt())),
                        Updates.set("nextActivity", nextActivity(summary.nextActivity()))),
                new UpdateOptions().upsert(true));
    }

    private static Document nextActivity(ScheduledActivity activity) {
        if (activity == null) {
            return null;
        }
        return new Document("id", activity.id())
                .append("type", activity.type())
                .append("subject", activity.subject())
                .append("due", BsonValues.due(activity.due()))
                .append("scheduledAt", BsonValues.date(activity.scheduledAt()));
    }

    private static Document money(Money value) {
        // A string keeps the amount's scale ("1200.00") exactly as the deal service received it.
        return value == null ? null
                : new Document("amount", value.amount().toPlainString()).append("currency", value.currency());
    }
}
