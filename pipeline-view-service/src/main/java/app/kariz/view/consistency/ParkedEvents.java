package app.kariz.view.consistency;

import app.kariz.events.EventCatalog;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.UnknownEvent;
import app.kariz.support.json.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Events that arrived after a gap in their stream, set aside until the events before them have been applied
 * ({@code parked_events}). One document per stream and sequence, {@code _id: "deal:<id>:<sequence>"}, holding
 * the decoded event as it was consumed (envelope fields and the payload in the contract's JSON form), so it is
 * applied later exactly as if it had just arrived.
 */
public class ParkedEvents {

    public static final String COLLECTION = "parked_events";

    private final MongoCollection<Document> parked;
    private final ObjectMapper json = EventJson.newMapper();

    public ParkedEvents(MongoCollection<Document> parked) {
        this.parked = parked;
    }

    public static ParkedEvents in(MongoDatabase database) {
        return new ParkedEvents(database.getCollection(COLLECTION));
    }

    /** Idempotent. Finding a stream's parked events, lowest sequence first, uses it. */
    public void createIndexes() {
        parked.createIndex(Indexes.ascending("stream", "seq"), new IndexOptions().name("stream_seq"));
    }

    /** @return whether the event was parked now (false: it was parked already, e.g. a redelivery) */
    public boolean park(ConsumedEvent event, Instant now) {
        Position position = event.position();
        Document document = new Document("_id", position.toString())
                .append("stream", position.streamKey())
                .append("aggregateType", position.aggregateType())
                .append("aggregateId", position.aggregateId())
                .append("seq", position.sequence())
                .append("eventId", event.eventId())
                .append("ceType", event.ceType())
                .append("time", Date.from(event.time()))
                .append("correlationId", event.correlationId())
                .append("payload", toJson(event.payload()))
                .append("parkedAt", Date.from(now));
        try {
            parked.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<ConsumedEvent> find(String streamKey, long sequence) {
        return Optional.ofNullable(parked.find(Filters.eq("_id", streamKey + ":" + sequence)).first())
                .map(this::toEvent);
    }

    public void remove(String streamKey, long sequence) {
        parked.deleteOne(Filters.eq("_id", streamKey + ":" + sequence));
    }

    /** Forgets the stream's parked events up to {@code sequence}: they are applied (or were duplicates). */
    public void removeUpTo(String streamKey, long sequence) {
        parked.deleteMany(Filters.and(Filters.eq("stream", streamKey), Filters.lte("seq", sequence)));
    }

    public OptionalLong lowestSequence(String streamKey) {
        Document lowest = parked.find(Filters.eq("stream", streamKey)).sort(Sorts.ascending("seq")).limit(1).first();
        return lowest == null ? OptionalLong.empty() : OptionalLong.of(lowest.get("seq", Number.class).longValue());
    }

    /** How many events are parked, in all streams. */
    public long count() {
        return parked.countDocuments();
    }

    private String toJson(KarizEvent payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConsumedEvent toEvent(Document document) {
        String ceType = document.getString("ceType");
        Position position = new Position(document.getString("aggregateType"), document.getString("aggregateId"),
                document.get("seq", Number.class).longValue());
        return new ConsumedEvent(document.getString("eventId"), ceType, position,
                document.getDate("time").toInstant(), document.getString("correlationId"),
                payload(ceType, document.getString("payload")));
    }

    private KarizEvent payload(String ceType, String payload) {
        Class<?> type = EventCatalog.byCeType(ceType).<Class<?>>map(EventType::javaType).orElse(UnknownEvent.class);
        try {
            return (KarizEvent) json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
