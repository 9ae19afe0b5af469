package app.kariz.view.rebuild;

import app.kariz.view.rebuild.RebuildStatus.State;
import app.kariz.view.store.ViewGenerations;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What MongoDB knows about rebuilds, so that every instance of the service answers the same:
 *
 * <ul>
 *   <li>the lock, in the pointer document of {@link ViewGenerations}:
 *       {@code {_id: "current", generation, rebuild: {id, leaseUntil}}}. Taking it is one compare-and-set, so
 *       only one rebuild runs at a time across instances; the switch releases it in the same update that changes
 *       the generation. The running rebuild renews its lease; a lease that ran out belongs to a rebuild whose
 *       instance stopped, and the next rebuild (or the next start) takes over and cleans up after it.</li>
 *   <li>each rebuild's status in {@code view_rebuilds}: {@code {_id, status, startedAt, finishedAt, generation,
 *       eventsApplied, error}}.</li>
 * </ul>
 */
final class RebuildRecords {

    static final String COLLECTION = "view_rebuilds";
    private static final String LOCK = "rebuild";

    private final ViewGenerations generations;
    private final MongoCollection<Document> pointer;
    private final MongoCollection<Document> rebuilds;

    RebuildRecords(MongoDatabase database, ViewGenerations generations) {
        this.generations = generations;
        this.pointer = generations.pointer();
        this.rebuilds = database.getCollection(COLLECTION);
    }

    /**
     * Takes the lock for rebuild {@code id} unless another rebuild holds it.
     *
     * @return the generation served now, which the rebuild will replace; empty when another rebuild runs
     */
    OptionalLong lock(String id, Instant now, Instant leaseUntil) {
        generations.ensurePointer();
        Document pointerNow = pointer.findOneAndUpdate(
                Filters.and(Filters.eq("_id", ViewGenerations.CURRENT), free(now)),
                Updates.set(LOCK, new Document("id", id).append("leaseUntil", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (pointerNow == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(pointerNow.get(ViewGenerations.GENERATION, Number.class).longValue());
    }

    /** Whether no rebuild holds the lock at {@code now}. */
    boolean isFree(Instant now) {
        generations.ensurePointer();
        return pointer.countDocuments(Filters.and(Filters.eq("_id", ViewGenerations.CURRENT), free(now))) == 1;
    }

    void renew(String id, Instant leaseUntil) {
        pointer.updateOne(held(id), Updates.set(LOCK + ".leaseUntil", Date.from(leaseUntil)));
    }

    void release(String id) {
        pointer.updateOne(held(id), Updates.unset(LOCK));
    }

    /** Switches to {@code to}, releasing the lock in the same single-document update. */
    boolean switchTo(String id, long from, long to) {
        return generations.switchTo(from, to, Filters.eq(LOCK + ".id", id), Updates.unset(LOCK));
    }

    void started(RebuildStatus status) {
        rebuilds.insertOne(new Document("_id", status.id())
                .append("status", status.status().name())
                .append("startedAt", Date.from(status.startedAt()))
                .append("finishedAt", null)
                .append("generation", status.generation())
                .append("eventsApplied", status.eventsApplied())
                .append("error", null));
    }

    void progressed(String id, long eventsApplied) {
        rebuilds.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", State.RUNNING.name())),
                Updates.set("eventsApplied", eventsApplied));
    }

    void finished(String id, State state, Instant at, long eventsApplied, String error) {
        rebuilds.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", state.name()),
                Updates.set("finishedAt", Date.from(at)),
                Updates.set("eventsApplied", eventsApplied),
                Updates.set("error", error)));
    }

    /** Marks every rebuild still shown as running, other than {@code except}, as failed: its instance stopped. */
    void abandonRunning(String except, Instant now) {
        Bson running = Filters.eq("status", State.RUNNING.name());
        rebuilds.updateMany(except == null ? running : Filters.and(running, Filters.ne("_id", except)),
                Updates.combine(
                        Updates.set("status", State.FAILED.name()),
                        Updates.set("finishedAt", Date.from(now)),
                        Updates.set("error", "Abandoned: the service instance running it stopped before it "
                                + "switched; the generation served before stayed served")));
    }

    Optional<RebuildStatus> find(String id) {
        return Optional.ofNullable(rebuilds.find(Filters.eq("_id", id)).first()).map(RebuildRecords::toStatus);
    }

    private static Bson free(Instant now) {
        return Filters.or(Filters.eq(LOCK, null), Filters.lt(LOCK + ".leaseUntil", Date.from(now)));
    }

    private static Bson held(String id) {
        return Filters.and(Filters.eq("_id", ViewGenerations.CURRENT), Filters.eq(LOCK + ".id", id));
    }

    private static RebuildStatus toStatus(Document document) {
        Date finishedAt = document.getDate("finishedAt");
        return new RebuildStatus(document.getString("_id"), State.valueOf(document.getString("status")),
                document.getDate("startedAt").toInstant(), finishedAt == null ? null : finishedAt.toInstant(),
                document.get("generation", Number.class).longValue(),
                document.get("eventsApplied", Number.class).longValue(), document.getString("error"));
    }
}
