package app.kariz.view.consistency;

import app.kariz.events.Position;
import app.kariz.support.consistency.AppliedSignal;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far this view has applied each aggregate's stream ({@code positions}: {@code {_id: "deal:<id>", seq}}),
 * and the waiting room for reads that must see certain positions first. The projection signals every
 * applied event ({@link AppliedSignal}), so a read waiting for that stream in this instance wakes at once; it also
 * re-reads its stream's position every {@code recheck}, because another instance of the service may be the one
 * applying the events.
 *
 * <p>Made {@link #heldUntilWritten}, the positions the projection records are held in memory until
 * {@link #writeHeld()} writes them all in one bulk write (the consumer does at the end of each poll): the
 * applier sees them at once ({@link #appliedSequence}), reads waiting for them only once they are written. A crash
 * loses only held positions, of events whose offsets were not committed either, so Kafka delivers them again and
 * the projection, which applies each event idempotently, finds its writes already made.
 */
public class AppliedPositions {

    /** Returned for a stream of which nothing has been applied; sequences start at 0. */
    public static final long NOTHING_APPLIED = -1;

    private final MongoCollection<Document> positions;
    private final AppliedSignal signal;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Positions recorded and not yet written, by stream key; null when each is written as it is recorded. */
    private final Map<String, Position> held;

    public AppliedPositions(MongoCollection<Document> positions, Duration recheck) {
        this(positions, recheck, null);
    }

    private AppliedPositions(MongoCollection<Document> positions, Duration recheck, Map<String, Position> held) {
        this.positions = positions;
        this.signal = new AppliedSignal(recheck);
        this.held = held;
    }

    /** Positions that {@link #recordApplied} holds until {@link #writeHeld()} (see the class comment). */
    public static AppliedPositions heldUntilWritten(MongoCollection<Document> positions, Duration recheck) {
        return new AppliedPositions(positions, recheck, new ConcurrentHashMap<>());
    }

    /** The last event applied of the stream, held or written: what the applier goes on from. */
    public long appliedSequence(String streamKey) {
        Position heldPosition = held == null ? null : held.get(streamKey);
        long written = writtenSequence(streamKey);
        return heldPosition == null ? written : Math.max(written, heldPosition.sequence());
    }

    private long writtenSequence(String streamKey) {
        Document position = positions.find(Filters.eq("_id", streamKey)).first();
        return position == null ? NOTHING_APPLIED : position.get("seq", Number.class).longValue();
    }

    /** Records that the event at {@code position} and all of its stream before it have been applied. */
    public void recordApplied(Position position) {
        if (held != null) {
            held.merge(position.streamKey(), position,
                    (earlier, later) -> later.sequence() > earlier.sequence() ? later : earlier);
            return;
        }
        write(List.of(position));
    }

    /** Whether recorded positions are held until {@link #writeHeld()}. */
    public boolean holds() {
        return held != null;
    }

    /** How many streams have a position held, not yet written. */
    public int heldCount() {
        return held == null ? 0 : held.size();
    }

    /** Writes every held position in one bulk write, then wakes the reads waiting for them. */
    public synchronized void writeHeld() {
        if (held == null || held.isEmpty()) {
            return;
        }
        List<Position> writing = List.copyOf(held.values());
        write(writing);
        // Only what was written leaves: a later position of the same stream recorded meanwhile stays held.
        writing.forEach(position -> held.remove(position.streamKey(), position));
    }

    /** Writes {@code written} in one bulk write, then wakes the reads waiting for them. */
    private void write(List<Position> written) {
        // $max: a late write of an older position (e.g. from an instance that lost its partition) never
        // moves a stream back.
        positions.bulkWrite(written.stream().map(position -> new UpdateOneModel<Document>(
                Filters.eq("_id", position.streamKey()), Updates.max("seq", position.sequence()),
                new UpdateOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(false));
        written.forEach(position -> signal.applied(position.aggregateType(), position.aggregateId(),
                position.sequence()));
    }

    /**
     * Waits until every one of {@code awaited} has been applied, at most {@code timeout}.
     *
     * @return whether they all were applied in time
     */
    public boolean awaitApplied(Collection<Position> awaited, Duration timeout) throws InterruptedException {
        if (awaited.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            // One read finds what is still to come; then only the streams still awaited are waited for, each woken
            // by its own events (not by every event the view applies) and rechecked on its own.
            for (Position position : notYetApplied(awaited)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !signal.await(position.aggregateType(), position.aggregateId(),
                        position.sequence(), () -> writtenSequence(position.streamKey()) >= position.sequence(),
                        Duration.ofNanos(remaining))) {
                    return false;
                }
            }
            return true;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many reads are waiting right now (a gauge, and what tests synchronise on). */
    public int waiting() {
        return waiting.get();
    }

    private List<Position> notYetApplied(Collection<Position> awaited) {
        List<String> keys = awaited.stream().map(Position::streamKey).distinct().toList();
        Map<String, Long> appliedSequences = new HashMap<>();
        positions.find(Filters.in("_id", keys)).forEach(position ->
                appliedSequences.put(position.getString("_id"), position.get("seq", Number.class).longValue()));
        return awaited.stream().filter(position ->
                appliedSequences.getOrDefault(position.streamKey(), NOTHING_APPLIED) < position.sequence()).toList();
    }
}
