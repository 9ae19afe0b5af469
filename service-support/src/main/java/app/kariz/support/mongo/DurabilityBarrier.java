package app.kariz.support.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;

/**
 * Makes every earlier write of this client durable with one journaled write: MongoDB writes its journal (and its
 * oplog) in order, so once a write with {@code j: true} is acknowledged, so is everything written before it,
 * including the {@link RebuildableState} writes that did not wait. A consumer of Kafka passes one between applying
 * a poll's events and committing their offsets: the events a crash could take back are then always ones Kafka
 * delivers again.
 *
 * <p>The write is an upsert of {@code {_id: <name>, at}} in {@value #COLLECTION}, one small document per consumer,
 * with the database's own write concern (so {@code w: majority} where the connection string asks for it) plus
 * {@code j: true}.
 */
public final class DurabilityBarrier implements Runnable {

    public static final String COLLECTION = "durability_barriers";

    private final MongoCollection<Document> barriers;
    private final String name;
    private final Clock clock;

    public DurabilityBarrier(MongoDatabase database, String name, Clock clock) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        this.barriers = collection.withWriteConcern(collection.getWriteConcern().withJournal(true));
        this.name = name;
        this.clock = clock;
    }

    /** Returns once everything this client wrote before the call is on disk. */
    @Override
    public void run() {
        barriers.replaceOne(Filters.eq("_id", name), new Document("_id", name).append("at", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }
}
