package app.kariz.activity.deal;

import app.kariz.events.deal.DealEvent;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealWon;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Optional;

/**
 * The activity service's own record of the deals it may schedule on, fed from the deal topic. Applying an
 * event is idempotent: the stored sequence number of the deal makes a re-delivered event a no-op.
 */
public class KnownDeals implements ConsumedEventHandler {

    private final MongoCollection<Document> deals;

    public KnownDeals(MongoDatabase database) {
        this.deals = database.getCollection("known_deals");
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
        if (event instanceof DealOpened opened) {
            updated.put("ownerId", opened.ownerId());
            updated.put("status", "OPEN");
        } else if (event instanceof DealWon) {
            updated.put("status", "WON");
        } else if (event instanceof DealLost) {
            updated.put("status", "LOST");
        } else if (event instanceof DealReopened) {
            updated.put("status", "OPEN");
        }
        deals.replaceOne(Filters.eq("_id", event.dealId()), updated, new ReplaceOptions().upsert(true));
    }

    public Optional<KnownDeal> find(String dealId) {
        return Optional.ofNullable(deals.find(Filters.eq("_id", dealId)).first())
                .filter(document -> document.getString("ownerId") != null)
                .map(document -> new KnownDeal(document.getString("_id"), document.getString("organizationId"),
                        document.getString("ownerId"), document.getString("status"), document.getLong("sequence")));
    }

    public record KnownDeal(String dealId, String organizationId, String ownerId, String status, long sequence) {
    }
}
