package app.kariz.view.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies an event's update to one document only if the document has not yet seen that event or a later one
 * of the same stream, recording the sequence in the document itself. The positions collection already skips
 * duplicates; this guard also covers the event being re-applied after a crash between its effects and its
 * position, and a stale write from a consumer instance that just lost its partition in a rebalance.
 */
final class InOrderUpdate {

    private InOrderUpdate() {
    }

    /**
     * Upserts: a missing document is created. A document whose {@code sequenceField} is missing is treated as
     * newer, so documents that may be created by other streams first must initialise it to -1.
     *
     * @return whether the update was applied (false: the document had already seen this sequence)
     */
    static boolean apply(MongoCollection<Document> collection, String id, String sequenceField, long sequence,
                         Bson update) {
        try {
            collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt(sequenceField, sequence)),
                    Updates.combine(update, Updates.set(sequenceField, sequence)), new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // No match for a document that exists: the upsert tried to insert a second document with this _id.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Like {@link #apply} but replaces the whole document with {@code replacement} (which gets the sequence
     * field), e.g. to leave only a tombstone.
     *
     * @return whether the document was replaced (false: it had already seen this sequence)
     */
    static boolean replace(MongoCollection<Document> collection, String id, String sequenceField, long sequence,
                           Document replacement) {
        Document document = new Document(replacement).append("_id", id).append(sequenceField, sequence);
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt(sequenceField, sequence)), document,
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
