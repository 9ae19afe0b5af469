package app.kariz.activity.type.directory;

import app.kariz.activity.type.command.ActivityType;
import app.kariz.activity.type.command.ActivityTypes;
import app.kariz.events.activitytype.ActivityTypeAdded;
import app.kariz.events.activitytype.ActivityTypeChanged;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations' activity types as their catalogs' events left them ({@code activity_types}: one document per
 * type an organisation added or changed, {@code _id} {@code <organizationId>/<key>}, with {@code organizationId},
 * {@code key}, {@code name}, {@code requiresResult}, {@code active}, {@code addedSequence} for its own types and
 * {@code sequence}, the catalog's event sequence number last applied), merged with the defaults on reading. It
 * answers {@code GET /api/v1/activity-types} and is what scheduling and completing check types against.
 * <p>
 * Like {@code DealActivities} it is a <b>subscribing</b> processor: the handlers run on the thread that stores the
 * events, before the command returns, so a type is usable and listed as soon as adding it has answered. A failing
 * handler is logged, not propagated: the event is stored by then (MongoDB here has no transactions). Every event
 * carries the type's full state, so the type's next change repairs a missed one. Applying is idempotent and in
 * order per type by the catalog's sequence number.
 */
@ProcessingGroup(ActivityTypeDirectory.PROCESSING_GROUP)
public class ActivityTypeDirectory implements ActivityTypes {

    public static final String PROCESSING_GROUP = "activity-type-directory";

    private final MongoCollection<Document> types;

    public ActivityTypeDirectory(MongoDatabase database) {
        this.types = database.getCollection("activity_types");
    }

    /** Registers this projection's processing group as a subscribing processor; see the class comment. */
    public static void registerProcessing(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, configuration -> new LoggingErrorHandler());
    }

    /** Idempotent: creating an index that exists with the same definition does nothing. */
    public void createIndexes() {
        types.createIndex(Indexes.ascending("organizationId"), new IndexOptions().name("organization"));
    }

    @EventHandler
    void on(ActivityTypeAdded event, @SequenceNumber long sequence) {
        String id = idOf(event.organizationId(), event.key());
        if (!record(event.organizationId(), event.key(), event.name(), event.requiresResult(), true, sequence,
                sequence)) {
            // A later change got here first: it holds the current values, but the type was added at this point.
            types.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("addedSequence", false)),
                    Updates.set("addedSequence", sequence));
        }
    }

    @EventHandler
    void on(ActivityTypeChanged event, @SequenceNumber long sequence) {
        record(event.organizationId(), event.key(), event.name(), event.requiresResult(), event.active(), sequence,
                null);
    }

    @Override
    public List<ActivityType> all(String organizationId) {
        Map<String, ActivityType> merged = new LinkedHashMap<>();
        ActivityTypes.defaults().forEach(type -> merged.put(type.key(), type));
        types.find(Filters.eq("organizationId", organizationId)).into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingLong(ActivityTypeDirectory::addedSequence))
                .forEach(document -> merged.put(document.getString("key"), toType(document)));
        return List.copyOf(merged.values());
    }

    @Override
    public Optional<ActivityType> find(String organizationId, String key) {
        Document own = types.find(Filters.eq("_id", idOf(organizationId, key))).first();
        if (own != null) {
            return Optional.of(toType(own));
        }
        return ActivityTypes.defaults().stream().filter(type -> type.key().equals(key)).findFirst();
    }

    /** @return whether it was applied; false when the type already holds this event or a later one */
    private boolean record(String organizationId, String key, String name, boolean requiresResult, boolean active,
                           long sequence, Long addedSequence) {
        String id = idOf(organizationId, key);
        Document known = types.find(Filters.eq("_id", id)).first();
        if (known != null && known.getLong("sequence") >= sequence) {
            return false;
        }
        Document entry = new Document("_id", id)
                .append("organizationId", organizationId)
                .append("key", key)
                .append("name", name)
                .append("requiresResult", requiresResult)
                .append("active", active)
                .append("sequence", sequence);
        Long added = addedSequence != null ? addedSequence : known == null ? null : known.getLong("addedSequence");
        if (added != null) {
            entry.append("addedSequence", added);
        }
        types.replaceOne(Filters.eq("_id", id), entry, new ReplaceOptions().upsert(true));
        return true;
    }

    /** Keys cannot hold a slash, so the last one separates the key from the organisation id. */
    private static String idOf(String organizationId, String key) {
        return organizationId + "/" + key;
    }

    /** Defaults have none and keep their place; an own type whose addition was not seen goes last. */
    private static long addedSequence(Document document) {
        Long added = document.getLong("addedSequence");
        return added != null ? added : Long.MAX_VALUE;
    }

    private static ActivityType toType(Document document) {
        return new ActivityType(document.getString("key"), document.getString("name"),
                document.getBoolean("requiresResult"), document.getBoolean("active"));
    }
}
