package app.kariz.view.stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order in which boards changed: one global sequence over every applied event that wrote a deal card (or
 * changed a pipeline), kept in the {@code board_changes} collection as one small document per change,
 * {@code {_id: "<epoch>:<seq, 19 digits>", seq, organizationId, dealId, pipelineId, leftOwnerId}}, beside the
 * log's own document {@code {_id: "log", epoch, capacity}}.
 *
 * <p>A change is recorded by inserting the document of {@code n + 1} where {@code n} is a change known to be
 * recorded (several changes at once: {@code n + 1}, {@code n + 2}, … in one ordered insert, which stops at the
 * first number taken); the unique {@code _id} lets exactly one writer, in any number of service instances, take each
 * number, and the others try the next. Since number {@code n + 1} is only ever taken after {@code n} exists, the
 * recorded numbers have no holes: a reader that sees {@code n} as the last change can read every change up to
 * {@code n}. The last {@code capacity} changes stay readable; older ones are deleted in batches.
 *
 * <p>One document per change rather than one document holding a ring of slots: a write then costs its own
 * few hundred bytes, not a rewrite of every slot (which a journaling store writes out whole each time).
 *
 * <p>A change is recorded after the event's writes, so whoever reads the change reads the card as the event left
 * it (or newer).
 *
 * <p>{@code epoch} is chosen when the log is created. A new epoch (an emptied database, a rebuilt view) means the
 * sequence started again and earlier numbers mean nothing any more.
 */
public final class BoardChangeLog {

    public static final String COLLECTION = "board_changes";
    static final String LOG_ID = "log";
    /** How many changes stay readable: the longest replay a reconnecting client can get. */
    public static final int DEFAULT_CAPACITY = 1000;
    /** Changes beyond the capacity are deleted when the sequence passes a multiple of this. */
    private static final int PRUNE_EVERY = 64;
    private static final int MAX_ATTEMPTS = 100;

    private final MongoCollection<Document> collection;

    private BoardChangeLog(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The change log of the views in this database. */
    public static BoardChangeLog in(MongoDatabase database) {
        return new BoardChangeLog(database.getCollection(COLLECTION));
    }

    /** The log's current end. Creates the log if it does not exist yet. */
    public Head head() {
        Identity log = identity();
        return new Head(log.epoch(), lastRecorded(log.epoch()), log.capacity());
    }

    /**
     * Creates the log keeping the last {@code capacity} changes, unless it exists (then nothing changes).
     * Writers create it on first use with {@link #DEFAULT_CAPACITY}.
     */
    public void create(int capacity) {
        try {
            collection.updateOne(Filters.eq("_id", LOG_ID), Updates.combine(
                            Updates.setOnInsert("epoch", newEpoch()),
                            Updates.setOnInsert("capacity", capacity)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Another writer created it at the same moment.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Starts the log over: a new epoch, nothing recorded, keeping the last {@code capacity} changes. Every stream
     * then tells its clients to reload their boards, as after the views were rebuilt.
     */
    public void startNewEpoch(int capacity) {
        collection.replaceOne(Filters.eq("_id", LOG_ID), new Document("_id", LOG_ID)
                        .append("epoch", newEpoch()).append("capacity", capacity),
                new ReplaceOptions().upsert(true));
        // Changes of earlier epochs can no longer be asked for; a writer still on the old epoch at this moment
        // may leave one behind, which the next new epoch deletes.
        collection.deleteMany(Filters.ne("_id", LOG_ID));
    }

    /**
     * Records that the card of {@code dealId} was just written.
     *
     * @param leftPipelineId the pipeline whose board the write took the card off (moved elsewhere, deleted);
     *                       null otherwise
     * @return the change's sequence number
     */
    public long recordCard(String organizationId, String dealId, String leftPipelineId) {
        return recordCard(organizationId, dealId, leftPipelineId, null);
    }

    /**
     * Records that the card of {@code dealId} was just written.
     *
     * @param leftPipelineId the pipeline whose board the write took the card off (moved elsewhere, deleted);
     *                       null otherwise
     * @param leftOwnerId    the owner the write took the card from (handed to someone else, deleted); null
     *                       otherwise
     * @return the change's sequence number
     */
    public long recordCard(String organizationId, String dealId, String leftPipelineId, String leftOwnerId) {
        return record(List.of(Change.ofCard(organizationId, dealId, leftPipelineId, leftOwnerId)));
    }

    /**
     * Records that the pipeline itself changed (name, stages, deleted): its boards must be loaded again.
     *
     * @return the change's sequence number
     */
    public long recordPipeline(String organizationId, String pipelineId) {
        return record(List.of(Change.ofPipeline(organizationId, pipelineId)));
    }

    /**
     * Records {@code changes} in their order, under consecutive numbers where no other writer comes between
     * (one read of the log's end and one insert for all of them, rather than for each).
     *
     * @return the sequence number of the last; the log's end as it was read when {@code changes} is empty
     */
    public long record(List<Change> changes) {
        // Read every time: a writer must not go on numbering an epoch that was started over.
        Identity log = identity();
        // Read, not remembered: a number remembered from long ago may since have been deleted, and inserting it
        // again would put a change behind the end where no reader looks.
        long last = lastRecorded(log.epoch());
        int recorded = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && recorded < changes.size(); attempt++) {
            List<Document> documents = new ArrayList<>();
            for (Change change : changes.subList(recorded, changes.size())) {
                long seq = last + 1 + documents.size();
                documents.add(new Document("_id", changeId(log.epoch(), seq)).append("seq", seq)
                        .append("organizationId", change.organizationId()).append("dealId", change.dealId())
                        .append("pipelineId", change.pipelineId()).append("leftOwnerId", change.leftOwnerId()));
            }
            try {
                // Ordered: the changes before the first number another writer took are in, those after are not,
                // so what is recorded has no holes and keeps this writer's order.
                collection.insertMany(documents, new InsertManyOptions().ordered(true));
                recorded = changes.size();
                pruneCrossing(log, last, last + documents.size());
                last += documents.size();
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().isEmpty()
                        || e.getWriteErrors().get(0).getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Another writer took a number: the log moved on past our guess from there.
                int inserted = e.getWriteErrors().get(0).getIndex();
                pruneCrossing(log, last, last + inserted);
                recorded += inserted;
                last = lastRecorded(log.epoch());
            }
        }
        if (recorded < changes.size()) {
            throw new IllegalStateException("Could not record " + (changes.size() - recorded) + " changes, the first "
                    + changes.get(recorded) + ", after " + MAX_ATTEMPTS + " attempts: too many concurrent writers");
        }
        return last;
    }

    /** Deletes what fell out of the capacity when the numbers {@code from + 1} to {@code to} pass a multiple. */
    private void pruneCrossing(Identity log, long from, long to) {
        long multiple = to - to % PRUNE_EVERY;
        if (multiple > from && multiple > log.capacity()) {
            collection.deleteMany(range(log.epoch(), 0, multiple - log.capacity()));
        }
    }

    /**
     * The changes after {@code afterSeq} up to {@code head}'s sequence, oldest first; empty when some of them
     * are no longer kept (more than the capacity happened since, or the epoch changed), i.e. a reader that far
     * behind must start over.
     */
    public Optional<List<BoardChange>> changesAfter(long afterSeq, Head head) {
        long count = head.seq() - afterSeq;
        if (count <= 0) {
            return Optional.of(List.of());
        }
        if (count > head.capacity() || afterSeq < 0) {
            return Optional.empty();
        }
        List<BoardChange> changes = new ArrayList<>();
        for (Document change : collection.find(range(head.epoch(), afterSeq, head.seq())).sort(Sorts.ascending("_id"))) {
            changes.add(new BoardChange(change.get("seq", Number.class).longValue(), change.getString("organizationId"),
                    change.getString("dealId"), change.getString("pipelineId"), change.getString("leftOwnerId")));
        }
        // Fewer than asked for: the oldest were deleted since head was read, or a new epoch emptied the log.
        return changes.size() == count ? Optional.of(changes) : Optional.empty();
    }

    private Identity identity() {
        Document log = collection.find(Filters.eq("_id", LOG_ID)).first();
        if (log == null) {
            create(DEFAULT_CAPACITY);
            return identity();
        }
        return new Identity(log.getString("epoch"), log.getInteger("capacity"));
    }

    /** The number of the last change recorded in {@code epoch}; 0 before the first. */
    private long lastRecorded(String epoch) {
        Document last = collection.find(range(epoch, 0, Long.MAX_VALUE)).sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : last.get("seq", Number.class).longValue();
    }

    /** The changes of {@code epoch} numbered {@code afterSeq + 1} to {@code toSeq}, as a range of the _id index. */
    private static Bson range(String epoch, long afterSeq, long toSeq) {
        return Filters.and(Filters.gt("_id", changeId(epoch, afterSeq)), Filters.lte("_id", changeId(epoch, toSeq)));
    }

    /** Zero-padded so that the string order of ids is the order of the numbers. */
    private static String changeId(String epoch, long seq) {
        return epoch + ":" + String.format("%019d", seq);
    }

    /** Short, without dashes, so it fits in an SSE id. */
    private static String newEpoch() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private record Identity(String epoch, int capacity) {
    }

    /**
     * Where the log stands.
     *
     * @param epoch    which incarnation of the log; sequence numbers of different epochs are unrelated
     * @param seq      the last change recorded; 0 before the first
     * @param capacity how many of the last changes can be read back
     */
    public record Head(String epoch, long seq, int capacity) {
    }

    /**
     * One change to record.
     *
     * @param dealId      the card written; null when the pipeline itself changed
     * @param pipelineId  for a card, the pipeline whose board the write took it off (moved elsewhere, deleted), or
     *                    null; for a pipeline, the pipeline
     * @param leftOwnerId the owner the write took the card from (handed to someone else, deleted); null otherwise
     */
    public record Change(String organizationId, String dealId, String pipelineId, String leftOwnerId) {

        public static Change ofCard(String organizationId, String dealId, String leftPipelineId, String leftOwnerId) {
            return new Change(organizationId, dealId, leftPipelineId, leftOwnerId);
        }

        public static Change ofPipeline(String organizationId, String pipelineId) {
            return new Change(organizationId, null, pipelineId, null);
        }
    }
}
