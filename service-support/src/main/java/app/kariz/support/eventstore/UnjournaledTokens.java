package app.kariz.support.eventstore;

import app.kariz.support.mongo.RebuildableState;
import com.mongodb.client.MongoCollection;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;

/**
 * Axon's collections as {@code template} has them, except that tracking tokens (and their claims) are written
 * without waiting for the journal: a token taken back by a crash only makes its processor apply some events again,
 * which every Kariz processor tolerates (see {@link RebuildableState}). Events, snapshots, sagas and dead letters
 * stay journaled.
 */
final class UnjournaledTokens implements MongoTemplate {

    private final MongoTemplate template;

    UnjournaledTokens(MongoTemplate template) {
        this.template = template;
    }

    @Override
    public MongoCollection<Document> trackingTokensCollection() {
        return template.trackingTokensCollection().withWriteConcern(RebuildableState.WRITE_CONCERN);
    }

    @Override
    public MongoCollection<Document> eventCollection() {
        return template.eventCollection();
    }

    @Override
    public MongoCollection<Document> snapshotCollection() {
        return template.snapshotCollection();
    }

    @Override
    public MongoCollection<Document> sagaCollection() {
        return template.sagaCollection();
    }

    @Override
    public MongoCollection<Document> deadLetterCollection() {
        return template.deadLetterCollection();
    }
}
