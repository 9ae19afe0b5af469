package app.kariz.view.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

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

    /** Idempotent: creating an index that exists with the same definition does nothing. */
    public void createIndexes() {
        dealCards.createIndex(Indexes.ascending("organizationId", "pipelineId", "status", "stageId"),
                new IndexOptions().name("board"));
        activities.createIndex(Indexes.ascending("dealId", "status", "overdueFrom"),
                new IndexOptions().name("deal_open_activities"));
        timeline.createIndex(Indexes.compoundIndex(Indexes.ascending("dealId"), Indexes.descending("at")),
                new IndexOptions().name("deal_history"));
    }
}
