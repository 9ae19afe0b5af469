package app.kariz.support.eventstore;

import app.kariz.support.mongo.RebuildableState;
import app.kariz.events.Position;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The highest sequence of each aggregate that is known to be on Kafka: {@code published_heads}
 * {@code {_id: aggregateId, type, seq}} in the service's own database. Written with {@code $max} and upsert, so
 * writing a head twice, late or out of order never lowers it, and the relay and the {@link RelayAudit} can both
 * write without coordinating. Aggregate ids are unique within one event store (its unique index is on id and
 * sequence, whatever the type), so the id alone is the key. Only looked up by {@code _id}: no other index.
 */
class PublishedHeads {

    public static final String COLLECTION = "published_heads";

    /** Bounds one {@code $in} lookup; an audit of a busy window asks in chunks of this many ids. */
    private static final int LOOKUP_CHUNK = 1_000;

    private final MongoCollection<Document> heads;

    public PublishedHeads(MongoDatabase database) {
        this.heads = RebuildableState.collection(database, COLLECTION);
    }

    /** Raises each aggregate's head to the given position's sequence, in one round trip for the whole batch. */
    public void record(Collection<Position> published) {
        Map<String, Position> highest = new LinkedHashMap<>();
        for (Position position : published) {
            highest.merge(position.aggregateId(), position,
                    (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        if (highest.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(highest.size());
        for (Position position : highest.values()) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", position.aggregateId()),
                    Updates.combine(Updates.max("seq", position.sequence()),
                            Updates.set("type", position.aggregateType())),
                    new UpdateOptions().upsert(true)));
        }
        // Unordered: each write stands alone, so one failing need not stop the others (the batch is retried anyway).
        heads.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** @return the head of each of the given aggregates that has one; aggregates never published are absent */
    public Map<String, Long> of(Collection<String> aggregateIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> ids = List.copyOf(aggregateIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            for (Document head : heads.find(Filters.in("_id", chunk))) {
                found.put(head.getString("_id"), ((Number) head.get("seq")).longValue());
            }
        }
        return found;
    }
}
