package app.kariz.view.stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order in which boards changed: one global sequence over every applied event that wrote a deal card (or
 * changed a pipeline), kept in the single document of the {@code board_changes} collection,
 * {@code {_id: "log", epoch, seq, capacity, slots: {"s<seq % capacity>": {seq, organizationId, dealId,
 * pipelineId, leftOwnerId}}}}.
 *
 * <p>A change is recorded by one compare-and-set update, {@code seq: n → n + 1} together with the slot of
 * {@code n + 1}. MongoDB applies the updates of one document one at a time, so writers in any number of service
 * instances get consecutive numbers without gaps, and a reader that sees {@code seq = n} also sees every slot up
 * to {@code n}. The last {@code capacity} changes stay readable; older slots are overwritten in turn. It is one
 * small write per applied event, and reading what is new is one read of one document.
 *
 * <p>A change is recorded after the event's writes, so whoever reads the change reads the card as the event left
 * it (or newer).
 *
 * <p>{@code epoch} is chosen when the document is created. A new epoch (an emptied database) means the sequence
 * started again and earlier numbers mean nothing any more.
 */
public final class BoardChangeLog {

    public static final String COLLECTION = "board_changes";
    static final String DOCUMENT_ID = "log";
    /** How many changes stay readable: the longest replay a reconnecting client can get. */
    public static final int DEFAULT_CAPACITY = 1000;
    private static final int MAX_ATTEMPTS = 100;

    private final MongoCollection<Document> collection;
    /** Where this writer last saw the log end; a good guess for its next compare-and-set. */
    private volatile Head lastSeen;

    private BoardChangeLog(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The change log of the views in this database. */
    public static BoardChangeLog in(MongoDatabase database) {
        return new BoardChangeLog(database.getCollection(COLLECTION));
    }

    /** The log's current end. Creates the log if it does not exist yet. */
    public Head head() {
        Document document = collection.find(Filters.eq("_id", DOCUMENT_ID))
                .projection(Projections.include("epoch", "seq", "capacity")).first();
        if (document == null) {
            create(DEFAULT_CAPACITY);
            return head();
        }
        return new Head(document.getString("epoch"), document.get("seq", Number.class).longValue(),
                document.getInteger("capacity"));
    }

    /**
     * Creates the log keeping the last {@code capacity} changes, unless it exists (then nothing changes).
     * Writers create it on first use with {@link #DEFAULT_CAPACITY}.
     */
    public void create(int capacity) {
        try {
            collection.updateOne(Filters.eq("_id", DOCUMENT_ID), Updates.combine(
                            Updates.setOnInsert("epoch", newEpoch()),
                            Updates.setOnInsert("seq", 0L),
                            Updates.setOnInsert("capacity", capacity),
                            Updates.setOnInsert("slots", new Document())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Another writer created it at the same moment.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Starts the log over in one write: a new epoch, nothing recorded, keeping the last {@code capacity} changes.
     * Every stream then tells its clients to reload their boards, as after the views were rebuilt.
     */
    public void startNewEpoch(int capacity) {
        collection.replaceOne(Filters.eq("_id", DOCUMENT_ID), new Document("_id", DOCUMENT_ID)
                        .append("epoch", newEpoch()).append("seq", 0L).append("capacity", capacity)
                        .append("slots", new Document()),
                new ReplaceOptions().upsert(true));
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
        return record(organizationId, dealId, leftPipelineId, leftOwnerId);
    }

    /**
     * Records that the pipeline itself changed (name, stages, deleted): its boards must be loaded again.
     *
     * @return the change's sequence number
     */
    public long recordPipeline(String organizationId, String pipelineId) {
        return record(organizationId, null, pipelineId, null);
    }

    private long record(String organizationId, String dealId, String pipelineId, String leftOwnerId) {
        Head known = lastSeen;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (known == null) {
                known = head();
            }
            long next = known.seq() + 1;
            Document slot = new Document("seq", next).append("organizationId", organizationId)
                    .append("dealId", dealId).append("pipelineId", pipelineId).append("leftOwnerId", leftOwnerId);
            // The epoch too: after a new epoch the same sequence number may come round with another capacity.
            long matched = collection.updateOne(Filters.and(Filters.eq("_id", DOCUMENT_ID),
                            Filters.eq("epoch", known.epoch()), Filters.eq("seq", known.seq())),
                    Updates.combine(Updates.set("seq", next), Updates.set(slotField(next, known.capacity()), slot)))
                    .getMatchedCount();
            if (matched == 1) {
                lastSeen = new Head(known.epoch(), next, known.capacity());
                return next;
            }
            known = null;
        }
        throw new IllegalStateException("Could not record a change of " + (dealId != null ? "card " + dealId
                : "pipeline " + pipelineId) + " after " + MAX_ATTEMPTS + " attempts: too many concurrent writers");
    }

    /**
     * The changes after {@code afterSeq} up to {@code head}'s sequence, oldest first; empty when some of them
     * are no longer kept (more than the capacity happened since), i.e. a reader that far behind must start over.
     */
    public Optional<List<BoardChange>> changesAfter(long afterSeq, Head head) {
        long count = head.seq() - afterSeq;
        if (count <= 0) {
            return Optional.of(List.of());
        }
        if (count > head.capacity() || afterSeq < 0) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        for (long seq = afterSeq + 1; seq <= head.seq(); seq++) {
            fields.add(slotField(seq, head.capacity()));
        }
        Document document = collection.find(Filters.and(Filters.eq("_id", DOCUMENT_ID),
                Filters.eq("epoch", head.epoch()))).projection(Projections.include(fields)).first();
        if (document == null) {
            return Optional.empty();
        }
        Document slots = document.get("slots", Document.class);
        List<BoardChange> changes = new ArrayList<>();
        for (long seq = afterSeq + 1; seq <= head.seq(); seq++) {
            Document slot = slots == null ? null : slots.get(slotKey(seq, head.capacity()), Document.class);
            if (slot == null || slot.get("seq", Number.class).longValue() != seq) {
                // Overwritten by a writer that went round since head was read.
                return Optional.empty();
            }
            changes.add(new BoardChange(seq, slot.getString("organizationId"), slot.getString("dealId"),
                    slot.getString("pipelineId"), slot.getString("leftOwnerId")));
        }
        return Optional.of(changes);
    }

    private static String slotField(long seq, int capacity) {
        return "slots." + slotKey(seq, capacity);
    }

    private static String slotKey(long seq, int capacity) {
        return "s" + (seq % capacity);
    }

    /** Short, without dashes, so it fits in an SSE id. */
    private static String newEpoch() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
}
