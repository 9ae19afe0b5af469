package app.kariz.view.consistency;

import app.kariz.events.Position;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The streams that have a gap this view is waiting to be filled ({@code stream_gaps}): one document per
 * stream, {@code {_id: "deal:<id>", aggregateType, aggregateId, fromSequence, detectedAt, requests,
 * nextRequestAt}}. A gap is opened before the first event after it is parked and closed once no parked event
 * of its stream is left, so every parked event has an open gap that keeps asking for what it waits for.
 */
public class OpenGaps {

    public static final String COLLECTION = "stream_gaps";

    private final MongoCollection<Document> gaps;

    public OpenGaps(MongoCollection<Document> gaps) {
        this.gaps = gaps;
    }

    public static OpenGaps in(MongoDatabase database) {
        return new OpenGaps(database.getCollection(COLLECTION));
    }

    /**
     * @param firstMissing the stream's first event that has not arrived
     * @return whether the gap was opened now (false: it was open already)
     */
    public boolean open(Position firstMissing, Instant now, Instant nextRequestAt) {
        try {
            gaps.insertOne(new Document("_id", firstMissing.streamKey())
                    .append("aggregateType", firstMissing.aggregateType())
                    .append("aggregateId", firstMissing.aggregateId())
                    .append("fromSequence", firstMissing.sequence())
                    .append("detectedAt", Date.from(now))
                    .append("requests", 0)
                    .append("nextRequestAt", Date.from(nextRequestAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Gap> find(String streamKey) {
        return Optional.ofNullable(gaps.find(Filters.eq("_id", streamKey)).first()).map(OpenGaps::toGap);
    }

    /** The gap was filled, but a later one opened in the same stream: it now waits from {@code firstMissing}. */
    public void moveTo(Position firstMissing, Instant now, Instant nextRequestAt) {
        gaps.updateOne(Filters.eq("_id", firstMissing.streamKey()), Updates.combine(
                Updates.set("fromSequence", firstMissing.sequence()),
                Updates.set("detectedAt", Date.from(now)),
                Updates.set("requests", 0),
                Updates.set("nextRequestAt", Date.from(nextRequestAt))));
    }

    public void close(String streamKey) {
        gaps.deleteOne(Filters.eq("_id", streamKey));
    }

    /** The gaps whose next request is due at {@code now}. */
    public List<Gap> due(Instant now) {
        return gaps.find(Filters.lte("nextRequestAt", Date.from(now))).map(OpenGaps::toGap).into(new ArrayList<>());
    }

    /** Makes every gap's next request due now: after a restart, ask again for everything still missing. */
    public void allDue(Instant now) {
        gaps.updateMany(Filters.empty(), Updates.set("nextRequestAt", Date.from(now)));
    }

    /**
     * Takes the turn to ask again for {@code gap}, unless someone else (another instance of this service) took
     * it since {@code gap} was read.
     *
     * @return whether this caller should send the request
     */
    public boolean claimRequest(Gap gap, Instant now, Instant nextRequestAt) {
        return gaps.updateOne(
                Filters.and(Filters.eq("_id", gap.streamKey()), Filters.eq("nextRequestAt", Date.from(gap.nextRequestAt()))),
                Updates.combine(Updates.set("nextRequestAt", Date.from(nextRequestAt)),
                        Updates.set("lastRequestedAt", Date.from(now)),
                        Updates.inc("requests", 1)))
                .getModifiedCount() == 1;
    }

    public long count() {
        return gaps.countDocuments();
    }

    private static Gap toGap(Document document) {
        return new Gap(document.getString("_id"), document.getString("aggregateType"),
                document.getString("aggregateId"), document.get("fromSequence", Number.class).longValue(),
                document.get("requests", Number.class).intValue(), document.getDate("nextRequestAt").toInstant());
    }

    /**
     * @param requests how often the missing events were asked for again after the first request
     */
    public record Gap(String streamKey, String aggregateType, String aggregateId, long fromSequence, int requests,
                      Instant nextRequestAt) {
    }
}
