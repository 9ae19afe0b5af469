package app.kariz.support.mongo;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Collections a service can always rebuild from its events: tracking tokens, the directories its tracking
 * processors keep, the relay's record of what reached Kafka. Their writes need not wait for the journal
 * ({@code j: false}): a crash can take back only the last of them, and never without the writes after them, since
 * the journal is written in order; the processor whose token went back then applies those events again, and every
 * such update is guarded by the event's sequence (or is an at-least-once publish, de-duplicated downstream).
 *
 * <p>This is what keeps a command from waiting for three disk flushes in a row (the directory's update, its token,
 * the claim) after the one that made its events durable. Events themselves, and every read model fed from Kafka
 * (whose offsets move on once applied), stay journaled.
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
