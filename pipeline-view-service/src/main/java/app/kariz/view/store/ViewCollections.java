package app.kariz.view.store;

import app.kariz.support.mongo.RebuildableState;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read models in MongoDB. Every document carries its {@code organizationId}, and the query side reads them only
 * through {@link #reads()}, which filters every read on it.
 *
 * @param positions  {@code {_id: "deal:<id>", seq}}: the last applied sequence of each aggregate's stream
 * @param pipelines  one per pipeline, with its current stages (each with its {@code rottenAfterDays}) and the
 *                   names of its removed ones; a deleted pipeline stays as a tombstone with {@code deletedAt}
 * @param activities one per activity, open, done or cancelled, with {@code seq}, the last applied sequence of
 *                   its stream (its version); a deleted deal's are removed
 * @param dealCards  one per deal: the deal's own fields plus a summary of its activities; a deleted deal leaves
 *                   a tombstone {@code {_id, organizationId, dealSeq, deletedAt, deletedBy}}
 * @param timeline   one per history entry, keyed by the event id; a deleted deal's are removed
 * @param parkedEvents events that arrived after a gap in their stream, waiting for it to be filled
 *                     ({@link app.kariz.view.consistency.ParkedEvents})
 * @param streamGaps   the streams with such a gap ({@link app.kariz.view.consistency.OpenGaps})
 *
 * <p>Together these are one <em>generation</em> of the view: everything built from the event topics, and
 * nothing else ({@code board_changes}, the live streams' log, and {@code view_generation}, which names the
 * generation that is served, are not). Generation 0 has the plain names ({@code deal_cards}), so a database
 * written before generations existed is generation 0 as it is; generation {@code n > 0} has them with the
 * suffix {@code _g<n>} ({@code deal_cards_g3}). A rebuild fills the next generation while the current one is
 * served ({@link ViewGenerations}).
 */
public record ViewCollections(MongoCollection<Document> positions, MongoCollection<Document> pipelines,
                              MongoCollection<Document> activities, MongoCollection<Document> dealCards,
                              MongoCollection<Document> timeline, MongoCollection<Document> parkedEvents,
                              MongoCollection<Document> streamGaps) {

    /** The collections an organisation's reads go to, each scoped to the organisation ({@link ScopedCollection}). */
    public record Reads(ScopedCollection pipelines, ScopedCollection activities, ScopedCollection dealCards,
                        ScopedCollection timeline) {
    }

    /** The collections as the query side reads them: within one organisation at a time. */
    public Reads reads() {
        return new Reads(new ScopedCollection(pipelines), new ScopedCollection(activities),
                new ScopedCollection(dealCards), new ScopedCollection(timeline));
    }

    /** The base names of one generation's collections, in the order of the record's components. */
    public static final List<String> NAMES = List.of("positions", "pipelines", "activities", "deal_cards",
            "timeline", "parked_events", "stream_gaps");
    private static final Pattern GENERATED_NAME = Pattern.compile("^(" + String.join("|", NAMES) + ")(?:_g(\\d+))?$");

    /** Generation 0, the plain names. */
    public static ViewCollections in(MongoDatabase database) {
        return in(database, 0);
    }

    /**
     * Writes to a generation do not wait for the disk ({@link RebuildableState}): the live consumer passes a
     * {@link app.kariz.support.mongo.DurabilityBarrier} before committing the offsets of what it applied, and a
     * rebuild's generation is served only after the journaled switch that follows its writes.
     */
    public static ViewCollections in(MongoDatabase database, long generation) {
        return new ViewCollections(
                collection(database, "positions", generation),
                collection(database, "pipelines", generation),
                collection(database, "activities", generation),
                collection(database, "deal_cards", generation),
                collection(database, "timeline", generation),
                collection(database, "parked_events", generation),
                collection(database, "stream_gaps", generation));
    }

    private static MongoCollection<Document> collection(MongoDatabase database, String baseName, long generation) {
        return RebuildableState.collection(database, name(baseName, generation));
    }

    /** The collection name of {@code baseName} in {@code generation}. */
    public static String name(String baseName, long generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("A generation is 0 or more, not " + generation);
        }
        return generation == 0 ? baseName : baseName + "_g" + generation;
    }

    /** The generation a collection of the view belongs to, or -1 for a collection that is not part of one. */
    public static long generationOf(String collectionName) {
        Matcher name = GENERATED_NAME.matcher(collectionName);
        if (!name.matches()) {
            return -1;
        }
        return name.group(2) == null ? 0 : Long.parseLong(name.group(2));
    }

    /** Every collection of the generation, in the order of {@link #NAMES}. */
    public List<MongoCollection<Document>> all() {
        return List.of(positions, pipelines, activities, dealCards, timeline, parkedEvents, streamGaps);
    }

    /**
     * Idempotent: creating an index that exists with the same definition does nothing. Each index names the query
     * it serves; the README lists them. Indexes an earlier version created and a newer one extends are dropped.
     */
    public void createIndexes() {
        dropIndexes(dealCards, "board");
        dropIndexes(timeline, "deal_history");
        // The board: its aggregation (counts, totals) and each stage's pages by indicator, without or with owner.
        dealCards.createIndex(Indexes.ascending("organizationId", "pipelineId", "status", "stageId", "overdueAt",
                "createdAt", "_id"), new IndexOptions().name("board_order"));
        dealCards.createIndex(Indexes.ascending("organizationId", "pipelineId", "status", "ownerId", "stageId",
                "overdueAt", "createdAt", "_id"), new IndexOptions().name("board_order_by_owner"));
        // The deal list, newest first (every status is an $in over the three) and by indicator, without or with owner.
        dealCards.createIndex(Indexes.compoundIndex(Indexes.ascending("organizationId", "status"),
                Indexes.descending("createdAt", "_id")), new IndexOptions().name("deals_newest"));
        dealCards.createIndex(Indexes.compoundIndex(Indexes.ascending("organizationId", "ownerId", "status"),
                Indexes.descending("createdAt", "_id")), new IndexOptions().name("deals_newest_by_owner"));
        dealCards.createIndex(Indexes.ascending("organizationId", "status", "overdueAt", "createdAt", "_id"),
                new IndexOptions().name("deals_by_indicator"));
        dealCards.createIndex(Indexes.ascending("organizationId", "ownerId", "status", "overdueAt", "createdAt",
                "_id"), new IndexOptions().name("deals_by_indicator_by_owner"));
        // A deal's activities (card summary, timeline), and the agenda's overdue and day lists in due order.
        activities.createIndex(Indexes.ascending("dealId", "status", "overdueFrom"),
                new IndexOptions().name("deal_open_activities"));
        activities.createIndex(Indexes.ascending("organizationId", "assigneeId", "status", "overdueFrom",
                "scheduledAt", "_id"), new IndexOptions().name("agenda_overdue"));
        activities.createIndex(Indexes.ascending("organizationId", "assigneeId", "status", "due.date",
                "overdueFrom", "scheduledAt", "_id"), new IndexOptions().name("agenda_day"));
        // A deal's history, newest first, paged by (at, seq, _id).
        timeline.createIndex(Indexes.compoundIndex(Indexes.ascending("dealId"), Indexes.descending("at", "seq",
                "_id")), new IndexOptions().name("deal_history_page"));
        // A stream's parked events, lowest sequence first (the same index ParkedEvents.createIndexes makes).
        parkedEvents.createIndex(Indexes.ascending("stream", "seq"), new IndexOptions().name("stream_seq"));
    }

    /** Drops the named indexes where they exist. */
    private static void dropIndexes(MongoCollection<Document> collection, String... names) {
        Set<String> existing = new HashSet<>();
        collection.listIndexes().forEach(index -> existing.add(index.getString("name")));
        for (String name : names) {
            if (existing.contains(name)) {
                collection.dropIndex(name);
            }
        }
    }
}
