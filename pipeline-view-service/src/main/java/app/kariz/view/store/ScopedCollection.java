package app.kariz.view.store;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A view collection as one organisation's reads see it: every read names the organisation, and its filter is the
 * organisation and-ed with the read's own conditions, so a query that leaves out the organisation cannot be written.
 * The query side reads only through these ({@link ViewCollections#reads()}); the projection writes the collections
 * themselves, from events that carry their organisation.
 */
public final class ScopedCollection {

    public static final String ORGANIZATION_ID = "organizationId";

    private final MongoCollection<Document> collection;

    public ScopedCollection(MongoCollection<Document> collection) {
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    /** The organisation's documents that meet every condition. */
    public FindIterable<Document> find(String organizationId, Bson... conditions) {
        return find(organizationId, List.of(), conditions);
    }

    /** The organisation's documents that meet every one of {@code conditions} and of {@code more}. */
    public FindIterable<Document> find(String organizationId, List<Bson> conditions, Bson... more) {
        return collection.find(filter(organizationId, conditions, more));
    }

    /** How many of the organisation's documents meet every condition. */
    public long count(String organizationId, List<Bson> conditions, Bson... more) {
        return collection.countDocuments(filter(organizationId, conditions, more));
    }

    /** One flat {@code $and} with the organisation first, the shape every view index starts with. */
    static Bson filter(String organizationId, List<Bson> conditions, Bson... more) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new IllegalArgumentException("A view read is always within an organisation");
        }
        List<Bson> all = new ArrayList<>(conditions.size() + more.length + 1);
        all.add(Filters.eq(ORGANIZATION_ID, organizationId));
        all.addAll(conditions);
        all.addAll(Arrays.asList(more));
        return Filters.and(all);
    }
}
