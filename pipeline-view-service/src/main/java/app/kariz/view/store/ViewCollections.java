package app.kariz.view.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.HashSet;
import java.util.Set;

/**
 * The read models in MongoDB. Every document carries its {@code organizationId} and every read filters on it.
 *
 * @param positions  {@code {_id: "deal:<id>", seq}}: the last applied sequence of each aggregate's stream
 * @param pipelines  one per pipeline, with its current stages (each with its {@code rottenAfterDays}) and the
 *                   names of its removed ones; a deleted pipeline stays as a tombstone with {@code deletedAt}
 * @param activities one per activity, open, done or cancelled, with {@code seq}, the last applied sequence of
 *                   its stream (its version); a deleted deal's are removed
 * @param dealCards  one per deal: the deal's own fields plus a summary of its activities; a deleted deal leaves
 *                   a tombstone {@code {_id, organizationId, dealSeq, deletedAt, deletedBy}}
 * @param timeline   one per history entry, keyed by the event id; a deleted deal's are removed
 */
public record ViewCollections(MongoCollection<Document> positions, MongoCollection<Document> pipelines,
                              MongoCollection<Document> activities, MongoCollection<Document> dealCards,
                              MongoCollection<Document> timeline) {

    public static ViewCollections in(MongoDatabase database) {
        return new ViewCollections(database.getCollection("positions"), database.getCollection("pipelines"),
                database.getCollection("activities"), database.getCollection("deal_cards"),
                database.getCollection("timeline"));
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
