package app.kariz.activity.deal;

import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealEvent;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;
import app.kariz.support.mongo.RebuildableState;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Optional;

/**
 * The activity service's own record of the deals it may schedule on, fed from the deal topic. Applying an
 * event is idempotent: the stored sequence number of the deal makes a re-delivered event a no-op.
 * <p>
 * A deal is known once its {@code DealOpened} was applied (the document then has a {@code status}). Events of a
 * deal this service never saw opened are recorded as far as they go but never fail: the deal simply stays
 * unknown, except that a deletion is remembered, so scheduling on it is refused at once. Deletion is final:
 * a deleted deal keeps its owner and organisation but no later event changes its status.
 */
public class KnownDeals implements ConsumedEventHandler {

    public static final String OPEN = "OPEN";
    public static final String WON = "WON";
    public static final String LOST = "LOST";
    public static final String DELETED = "DELETED";

    private final MongoCollection<Document> deals;

    public KnownDeals(MongoDatabase database) {
        // Durable before the consumer commits the offsets of what it applied (its DurabilityBarrier).
        this.deals = RebuildableState.collection(database, "known_deals");
    }

    @Override
    public void handle(ConsumedEvent consumed) {
        if (!(consumed.payload() instanceof DealEvent event)) {
            return;
        }
        Document known = deals.find(Filters.eq("_id", event.dealId())).first();
        long sequence = consumed.position().sequence();
        if (known != null && known.getLong("sequence") >= sequence) {
            return;
        }
        Document updated = known != null ? known : new Document("_id", event.dealId());
        updated.put("sequence", sequence);
        updated.put("organizationId", event.organizationId());
        apply(event, updated);
        deals.replaceOne(Filters.eq("_id", event.dealId()), updated, new ReplaceOptions().upsert(true));
    }

    private static void apply(DealEvent event, Document deal) {
        String status = deal.getString("status");
        if (DELETED.equals(status)) {
            return;
        }
        if (event instanceof DealOpened opened) {
            deal.put("ownerId", opened.ownerId());
            deal.put("status", OPEN);
        } else if (event instanceof DealUpdated updated && updated.to() != null) {
            deal.put("ownerId", updated.to().ownerId());
        } else if (event instanceof DealDeleted deleted) {
            deal.put("status", DELETED);
            deal.put("deletedBy", deleted.deletedBy());
        } else if (status != null) {
            if (event instanceof DealWon) {
                deal.put("status", WON);
            } else if (event instanceof DealLost) {
                deal.put("status", LOST);
            } else if (event instanceof DealReopened) {
                deal.put("status", OPEN);
            }
        }
    }

    public Optional<KnownDeal> find(String dealId) {
        return Optional.ofNullable(deals.find(Filters.eq("_id", dealId)).first())
                .filter(document -> document.getString("status") != null)
                .map(document -> new KnownDeal(document.getString("_id"), document.getString("organizationId"),
                        document.getString("ownerId"), document.getString("status"), document.getLong("sequence"),
                        document.getString("deletedBy")));
    }

    /**
     * @param status    {@link #OPEN}, {@link #WON}, {@link #LOST} or {@link #DELETED}
     * @param deletedBy who deleted it, or null
     */
    public record KnownDeal(String dealId, String organizationId, String ownerId, String status, long sequence,
                            String deletedBy) {

        public boolean deleted() {
            return DELETED.equals(status);
        }
    }
}
