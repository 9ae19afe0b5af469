package app.kariz.support.mongo;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Collections a service can always rebuild from its events: tracking tokens, the directories its tracking
 * processors keep, the relay's record of what reached Kafka, and the read models fed from Kafka. Their writes need
 * not wait for the journal ({@code j: false}): a crash can take back only the last of them, and never without the
 * writes after them, since the journal is written in order; the events behind what was taken back are then
 * applied again, and every such update is guarded by the event's sequence (or is an at-least-once publish,
 * de-duplicated downstream). For a tracking processor the token goes back with them; a Kafka consumer passes a
 * {@link DurabilityBarrier} before committing offsets, so Kafka still delivers every event a crash could undo.
 *
 * <p>This is what keeps a command from waiting for three disk flushes in a row (the directory's update, its token,
 * the claim) after the one that made its events durable, and an event in the view from waiting for five. Events
 * themselves, the subscribing processors' state (which nothing replays) and what is shown to a client as a
 * position it may resume from (the live streams' change log) stay journaled.
 */
public final class RebuildableState {

    /** Acknowledged by the primary once applied, journaled with the next flush. */
    public static final WriteConcern WRITE_CONCERN = WriteConcern.W1.withJournal(false);

    private RebuildableState() {
    }

    public static MongoCollection<Document> collection(MongoDatabase database, String name) {
        return database.getCollection(name).withWriteConcern(WRITE_CONCERN);
    }
}
