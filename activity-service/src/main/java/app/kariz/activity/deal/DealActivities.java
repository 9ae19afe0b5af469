package app.kariz.activity.deal;

import app.kariz.activity.command.ActivityStatus;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityEvent;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which activities each deal has and whether they are still open ({@code deal_activities}: {@code _id} the
 * activity id, {@code organizationId}, {@code dealId}, {@code status}, {@code sequence}), kept from this
 * service's own event store so that a deal's deletion can cancel its open activities, and so that completing
 * can tell whether the deal is left without an open activity. {@code ActivityUpdated} changes neither the deal
 * nor the status, so it is not applied.
 * <p>
 * <b>Subscribing, not tracking.</b> The handlers run on the thread that stores the events, right after the
 * append and before the command returns. So once scheduling an activity has returned, the activity is here: a
 * deal deletion consumed a moment later cannot miss it, and the re-check after scheduling (see
 * {@link DealDeletionCascade#cancelIfDealDeletedMeanwhile}) can rely on it. A tracking processor would lag by
 * its polling and could even skip an event: Axon's Mongo store tracks by timestamp with a look-back window,
 * and an event committed later than that window is passed over. Every instance of the service applies the
 * events it stores itself to this shared collection, so the collection covers all instances.
 * <p>
 * <b>Failures.</b> MongoDB here has no transactions: the events are already stored when these handlers run. A
 * failing handler is therefore logged, not propagated (propagating would report a stored activity as not
 * scheduled). Every activity event carries the deal id, so the next event of the activity repairs a missed
 * entry; an activity whose entry was lost and never changes again is not cancelled by its deal's deletion.
 * Applying is idempotent and in order per activity by the event's aggregate sequence number.
 */
@ProcessingGroup(DealActivities.PROCESSING_GROUP)
public class DealActivities {

    public static final String PROCESSING_GROUP = "deal-activities";

    private final MongoCollection<Document> activities;

    public DealActivities(MongoDatabase database) {
        this.activities = database.getCollection("deal_activities");
    }

    /** Registers this projection's processing group as a subscribing processor; see the class comment. */
    public static void registerProcessing(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, configuration -> new LoggingErrorHandler());
    }

    /** Idempotent: creating an index that exists with the same definition does nothing. */
    public void createIndexes() {
        activities.createIndex(Indexes.ascending("dealId", "status"), new IndexOptions().name("deal_status"));
    }

    @EventHandler
    void on(ActivityScheduled event, @SequenceNumber long sequence) {
        record(event, ActivityStatus.OPEN, sequence);
    }

    /** Only an open activity can be postponed; recorded so that a missed schedule is repaired. */
    @EventHandler
    void on(ActivityPostponed event, @SequenceNumber long sequence) {
        record(event, ActivityStatus.OPEN, sequence);
    }

    /** Only an open activity can be rescheduled; recorded so that a missed schedule is repaired. */
    @EventHandler
    void on(ActivityRescheduled event, @SequenceNumber long sequence) {
        record(event, ActivityStatus.OPEN, sequence);
    }

    /** A reopened activity is open on its deal again, so a deletion of the deal cancels it too. */
    @EventHandler
    void on(ActivityReopened event, @SequenceNumber long sequence) {
        record(event, ActivityStatus.OPEN, sequence);
    }

    @EventHandler
    void on(ActivityCompleted event, @SequenceNumber long sequence) {
        record(event, ActivityStatus.DONE, sequence);
    }

    @EventHandler
    void on(ActivityCancelled event, @SequenceNumber long sequence) {
        record(event, ActivityStatus.CANCELLED, sequence);
    }

    /** Ids of the deal's open activities, in no particular order. */
    public List<String> openActivityIds(String organizationId, String dealId) {
        return activities.find(Filters.and(Filters.eq("dealId", dealId), Filters.eq("status",
                        ActivityStatus.OPEN.name()), Filters.eq("organizationId", organizationId)))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    /** Whether the deal has any open activity, as far as this service's own events go. */
    public boolean hasOpenActivity(String organizationId, String dealId) {
        return !openActivityIds(organizationId, dealId).isEmpty();
    }

    /** The deal the organisation's activity is on; empty for an activity unknown here or of another organisation. */
    public Optional<String> dealOf(String organizationId, String activityId) {
        return Optional.ofNullable(activities.find(Filters.and(Filters.eq("_id", activityId),
                        Filters.eq("organizationId", organizationId))).first())
                .map(document -> document.getString("dealId"));
    }

    public Optional<ActivityStatus> status(String activityId) {
        return Optional.ofNullable(activities.find(Filters.eq("_id", activityId)).first())
                .map(document -> ActivityStatus.valueOf(document.getString("status")));
    }

    private void record(ActivityEvent event, ActivityStatus status, long sequence) {
        Document known = activities.find(Filters.eq("_id", event.activityId())).first();
        if (known != null && known.getLong("sequence") >= sequence) {
            return;
        }
        Document entry = new Document("_id", event.activityId())
                .append("organizationId", event.organizationId())
                .append("dealId", event.dealId())
                .append("status", status.name())
                .append("sequence", sequence);
        activities.replaceOne(Filters.eq("_id", event.activityId()), entry, new ReplaceOptions().upsert(true));
    }
}
