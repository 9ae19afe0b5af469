package app.kariz.view.projection;

import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealEvent;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.view.card.ActivityStatus;
import app.kariz.view.card.ActivitySummary;
import app.kariz.view.card.DealStatus;
import app.kariz.view.card.ScheduledActivity;
import app.kariz.view.store.BsonValues;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Keeps {@code deal_cards}: the deal's own fields come only from deal events, the activity summary only from
 * the {@code activities} collection. Because neither half reads the other, deal and activity events (which
 * travel on different topics) give the same card in whatever order they arrive. An activity may create the
 * card before the deal's {@code DealOpened}; such a card has no {@code status} and reads treat it as absent.
 *
 * <p>Rotting needs the deal's last touch, also kept in two halves: {@code touchedAt}, the latest of the deal
 * events that touch it ({@code $max}, so order cannot matter), and {@code lastCompletedAt}, from the activities.
 *
 * <p>{@code DealDeleted} replaces the card with a tombstone, {@code {_id, organizationId, dealSeq, deletedAt,
 * deletedBy}}: no status, so no read shows it, and its sequence and {@code deletedAt} keep every later
 * event of the deal from bringing it back.
 */
final class DealCardWriter {

    /** The deal stream's sequence last applied to a card; -1 for a card so far made only by activities. */
    static final String DEAL_SEQUENCE = "dealSeq";
    static final String DELETED_AT = "deletedAt";
    private static final Logger log = LoggerFactory.getLogger(DealCardWriter.class);

    private final MongoCollection<Document> dealCards;
    private final MongoCollection<Document> activities;

    DealCardWriter(MongoCollection<Document> dealCards, MongoCollection<Document> activities) {
        this.dealCards = dealCards;
        this.activities = activities;
    }

    void apply(DealEvent event, long sequence) {
        if (event instanceof DealDeleted deleted) {
            InOrderUpdate.replace(dealCards, deleted.dealId(), DEAL_SEQUENCE, sequence,
                    new Document("organizationId", deleted.organizationId())
                            .append(DELETED_AT, BsonValues.date(deleted.deletedAt()))
                            .append("deletedBy", deleted.deletedBy()));
            return;
        }
        Bson update = updateFor(event);
        if (update == null) {
            log.warn("Ignoring {} on the deal card: not a deal event this view knows", event.getClass().getName());
            return;
        }
        InOrderUpdate.apply(dealCards, event.dealId(), DEAL_SEQUENCE, sequence, Updates.combine(
                Updates.set("organizationId", event.organizationId()), update));
        if (event instanceof DealOpened) {
            // Gives a new card its counts. Activities that arrived first have already summarised themselves on
            // the card, and later ones will, so this only makes the card complete on its own.
            refreshActivities(event.organizationId(), event.dealId());
        }
    }

    /** Whether the deal was deleted: its card is a tombstone. */
    boolean isDeleted(String dealId) {
        return dealCards.find(Filters.and(Filters.eq("_id", dealId), Filters.exists(DELETED_AT))).first() != null;
    }

    private static Bson updateFor(DealEvent event) {
        if (event instanceof DealOpened opened) {
            return Updates.combine(
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
                    touched(opened.openedAt()),
                    Updates.set("wonAt", null),
                    Updates.set("lostAt", null),
                    Updates.set("lostReason", null));
        }
        if (event instanceof DealUpdated updated) {
            DealFields fields = updated.to();
            if (fields == null) {
                return touched(updated.updatedAt());
            }
            return Updates.combine(
                    Updates.set("title", fields.title()),
                    Updates.set("value", money(fields.value())),
                    Updates.set("ownerId", fields.ownerId()),
                    Updates.set("personName", fields.personName()),
                    Updates.set("organizationName", fields.organizationName()),
                    Updates.set("expectedCloseDate",
                            fields.expectedCloseDate() == null ? null : fields.expectedCloseDate().toString()),
                    touched(updated.updatedAt()));
        }
        if (event instanceof DealMoved moved) {
            return Updates.combine(
                    Updates.set("pipelineId", moved.toPipelineId()),
                    Updates.set("stageId", moved.toStageId()),
                    Updates.set("stageEnteredAt", BsonValues.date(moved.movedAt())),
                    touched(moved.movedAt()));
        }
        if (event instanceof DealWon won) {
            return Updates.combine(
                    Updates.set("status", DealStatus.WON.name()),
                    Updates.set("wonAt", BsonValues.date(won.wonAt())));
        }
        if (event instanceof DealLost lost) {
            return Updates.combine(
                    Updates.set("status", DealStatus.LOST.name()),
                    Updates.set("lostAt", BsonValues.date(lost.lostAt())),
                    Updates.set("lostReason", lost.reason()));
        }
        if (event instanceof DealReopened reopened) {
            // The card shows the deal as it is now; when it was won or lost stays in the timeline. Reopening
            // touches the deal: it starts afresh on the stage it was closed in.
            return Updates.combine(
                    Updates.set("status", DealStatus.OPEN.name()),
                    Updates.set("wonAt", null),
                    Updates.set("lostAt", null),
                    Updates.set("lostReason", null),
                    touched(reopened.reopenedAt()));
        }
        return null;
    }

    private static Bson touched(Instant at) {
        return Updates.max("touchedAt", BsonValues.date(at));
    }

    /**
     * Recomputes the card's activity summary from the deal's activities as they are now. Idempotent. A deleted
     * deal's tombstone is left alone.
     */
    void refreshActivities(String organizationId, String dealId) {
        List<ScheduledActivity> open = new ArrayList<>();
        int done = 0;
        Date lastCompletedAt = null;
        for (Document activity : activities.find(Filters.and(Filters.eq("dealId", dealId),
                Filters.eq("organizationId", organizationId)))) {
            String status = activity.getString("status");
            if (ActivityStatus.OPEN.name().equals(status)) {
                open.add(ScheduledActivity.of(activity));
            } else if (ActivityStatus.DONE.name().equals(status)) {
                done++;
                Date completedAt = activity.getDate("completedAt");
                if (completedAt != null && (lastCompletedAt == null || completedAt.after(lastCompletedAt))) {
                    lastCompletedAt = completedAt;
                }
            }
        }
        ActivitySummary summary = ActivitySummary.of(open, done);
        try {
            dealCards.updateOne(Filters.and(Filters.eq("_id", dealId), Filters.exists(DELETED_AT, false)),
                    Updates.combine(
                            Updates.setOnInsert("organizationId", organizationId),
                            Updates.setOnInsert(DEAL_SEQUENCE, -1L),
                            Updates.set("openActivityCount", summary.openActivityCount()),
                            Updates.set("doneActivityCount", summary.doneActivityCount()),
                            Updates.set("todayAt", BsonValues.date(summary.todayAt())),
                            Updates.set("overdueAt", BsonValues.date(summary.overdueAt())),
                            Updates.set("nextDueAt", BsonValues.date(summary.nextDueAt())),
                            Updates.set("nextActivity", nextActivity(summary.nextActivity())),
                            Updates.set("lastCompletedAt", lastCompletedAt)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The filter missed an existing card: it is a tombstone, which keeps no activity summary.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
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

    /** A string keeps the amount's scale ("1200.00") exactly as the deal service received it. */
    static Document money(Money value) {
        return value == null ? null
                : new Document("amount", value.amount().toPlainString()).append("currency", value.currency());
    }
}
