package app.kariz.view.rebuild;

import app.kariz.events.Position;
import app.kariz.events.Topics;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;
import app.kariz.support.consume.EventDecoder;
import app.kariz.support.json.EventJson;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.HealBackoff;
import app.kariz.view.consistency.InOrderStreams;
import app.kariz.view.consistency.OpenGaps;
import app.kariz.view.consistency.ParkedEvents;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.rebuild.RebuildStatus.State;
import app.kariz.view.store.ViewCollections;
import app.kariz.view.store.ViewGenerations;
import app.kariz.view.stream.BoardChangeLog;
import app.kariz.view.stream.ChangeRecordingProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One rebuild of the view: every event on the topics, from the beginning, applied into a fresh generation by the
 * same projection the live consumer uses ({@link InOrderStreams} in front of {@link PipelineViewProjection}, only
 * given the new generation's collections), then served instead of the old one.
 *
 * <ol>
 *   <li>The new generation's collections are dropped (a half-built one may be left from an abandoned rebuild)
 *       and its indexes created before anything is written to it.</li>
 *   <li>History: a {@link TopicReplay} of the deal, activity and pipeline topics reads to their ends, and again
 *       to their new ends, until it is fewer than {@code closeEnough} records behind. Queries are served from
 *       the old generation throughout, and the live consumer keeps it current.</li>
 *   <li>The switch, inside {@link LiveApplyGate}: this instance's live consumer finishes the event in hand and
 *       waits. The replay reads to the topics' ends as they are now; everything the live consumer has applied to
 *       the old generation was on the topics before that, so it is all in the new generation too. Then the
 *       pointer is switched in one update, and the board change log starts a new epoch, so every live board
 *       stream tells its client to reload. When the gate opens, the live consumer goes on where it was, now into
 *       the new generation; what the replay already applied from there on are duplicates to it, which the
 *       projection skips (per stream sequence), so nothing is lost and nothing is applied twice.</li>
 *   <li>Other instances of the service have no such gate: until they read the pointer again (at most
 *       {@code kariz.view.generation-refresh}) they apply events to the old generation. So the replay goes on
 *       for {@code drainAfterSwitch} after the switch and then to the topics' ends once more, which brings those
 *       events into the new generation as well.</li>
 *   <li>The old generation is dropped {@code dropOldAfter} later, once no request started before the switch can
 *       still be reading it.</li>
 * </ol>
 *
 * <p>What the rebuild differs in from the live consumer, and why: up to the switch it announces no board changes
 * (the new epoch replaces them all), after it it does, since what it drains then is served; it sends no requests for missing events (historic gaps are usually healed further on in the
 * topic by the republished events; a gap still open at the end is in the new generation's {@code stream_gaps},
 * and gap healing asks for it once that generation is served); and its gap counters are its own, so the live
 * ones keep counting live gaps only. A record it cannot decode is skipped, as the live consumer dead-lettered
 * it. An event that keeps failing fails the rebuild, rather than switching to a view that lacks it.
 *
 * <p>Nothing of a rebuild survives a restart: if the service stops before the switch, the old generation stays
 * served, and the half-built one is dropped by the next rebuild or the next start once the lock's lease ran out.
 */
final class ViewRebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.DEALS, Topics.ACTIVITIES, Topics.PIPELINES);

    /** What every rebuild uses. */
    record Tools(ViewGenerations generations, RebuildRecords records, LiveApplyGate gate, BoardChangeLog boardChanges,
                 String bootstrapServers, RebuildProperties properties, Duration awaitRecheck, HealBackoff healBackoff,
                 Clock clock, Counter eventsAppliedCounter, BooleanSupplier stopping) {
    }

    private final Tools tools;
    private final String id;
    private final long from;
    private final long generation;
    private final EventDecoder decoder = new EventDecoder(EventJson.newMapper());
    private long eventsApplied;
    private long lastProgressNanos = System.nanoTime();
    private boolean switched;

    ViewRebuild(Tools tools, String id, long from) {
        this.tools = tools;
        this.id = id;
        this.from = from;
        this.generation = from + 1;
    }

    @Override
    public void run() {
        try {
            build();
        } catch (RuntimeException | Error e) {
            fail(e);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void build() {
        log.info("Rebuild {}: building generation {} from the topics while generation {} is served", id,
                generation, from);
        tools.generations().drop(generation);
        ViewCollections target = tools.generations().collections(generation);
        target.createIndexes();
        ConsumedEventHandler projection = projectionInto(target, false);
        try (TopicReplay replay = new TopicReplay(tools.bootstrapServers(), "pipeline-view-rebuild-" + id, TOPICS)) {
            Map<TopicPartition, Long> ends = replay.endOffsets();
            do {
                replay.replayUntil(ends, record -> apply(record, projection), this::beforePoll);
                ends = replay.endOffsets();
            } while (replay.behind(ends) > tools.properties().closeEnough());
            tools.gate().closedWhile(() -> {
                replay.replayUntil(replay.endOffsets(), record -> apply(record, projection), this::beforePoll);
                switchOver();
                // Served from now on: what it applies is announced to the board streams and the kept board counts,
                // as the live consumer's events are.
                drain(replay, projectionInto(target, true));
                return null;
            });
        }
        tools.records().finished(id, State.SWITCHED, tools.clock().instant(), eventsApplied, null);
        log.info("Rebuild {}: generation {} is served; {} events applied", id, generation, eventsApplied);
    }

    /**
     * The live consumer's projection, writing to {@code target} only; {@code announced}: recording each change in
     * the board change log as the live consumer does, once {@code target} is served.
     */
    private ConsumedEventHandler projectionInto(ViewCollections target, boolean announced) {
        AppliedPositions positions = new AppliedPositions(target.positions(), tools.awaitRecheck());
        PipelineViewProjection projection = announced
                ? new ChangeRecordingProjection(target, positions, tools.boardChanges())
                : new PipelineViewProjection(target, positions);
        return new InOrderStreams(projection, positions, new ParkedEvents(target.parkedEvents()),
                new OpenGaps(target.streamGaps()), ViewRebuild::leaveToGapHealing, tools.healBackoff(),
                tools.clock(), new SimpleMeterRegistry());
    }

    private static void leaveToGapHealing(Position firstMissing) {
        log.debug("Rebuild: gap before {}; asked for once the rebuilt generation is served", firstMissing);
    }

    private void switchOver() {
        if (!tools.records().switchTo(id, from, generation)) {
            throw new IllegalStateException("The rebuild lock was lost (its lease ran out) or generation " + from
                    + " is no longer the one served; not switching");
        }
        switched = true;
        BoardChangeLog changes = tools.boardChanges();
        changes.startNewEpoch(changes.head().capacity());
    }

    /** Already switched: a failure here is logged, and the live consumers carry on from where they are. */
    private void drain(TopicReplay replay, ConsumedEventHandler projection) {
        try {
            replay.replayFor(tools.properties().drainAfterSwitch(), record -> apply(record, projection),
                    this::beforePoll);
            replay.replayUntil(replay.endOffsets(), record -> apply(record, projection), this::beforePoll);
        } catch (RuntimeException e) {
            log.warn("Rebuild {}: switched, but reading on after the switch failed; events another instance "
                    + "applied to the old generation just before it saw the switch may be missing", id, e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record, ConsumedEventHandler projection) {
        Optional<ConsumedEvent> event;
        try {
            event = decoder.decode(record);
        } catch (IOException undecodable) {
            log.warn("Rebuild {}: skipping the undecodable record {}/{}@{}, as the live consumer did", id,
                    record.topic(), record.partition(), record.offset());
            return;
        }
        if (event.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                projection.handle(event.get());
                break;
            } catch (RuntimeException e) {
                if (attempt >= tools.properties().maxAttempts()) {
                    throw new IllegalStateException("Could not apply " + event.get().ceType() + " at "
                            + event.get().position() + " (" + record.topic() + "/" + record.partition() + "@"
                            + record.offset() + ") after " + attempt + " attempts", e);
                }
                pause(Duration.ofMillis(100L * attempt));
            }
        }
        eventsApplied++;
        tools.eventsAppliedCounter().increment();
    }

    /** Before each poll: stop if the service stops, and now and then renew the lock and show progress. */
    private void beforePoll() {
        if (tools.stopping().getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("The service stopped before the rebuild finished");
        }
        if (System.nanoTime() - lastProgressNanos >= tools.properties().progressEvery().toNanos()) {
            lastProgressNanos = System.nanoTime();
            tools.records().renew(id, tools.clock().instant().plus(tools.properties().lease()));
            tools.records().progressed(id, eventsApplied);
        }
    }

    private void fail(Throwable e) {
        log.error("Rebuild {} failed{}", id, switched ? " after switching" : "; generation " + from
                + " stays served", e);
        try {
            tools.records().finished(id, switched ? State.SWITCHED : State.FAILED, tools.clock().instant(),
                    eventsApplied, switched ? null : describe(e));
            tools.records().release(id);
            if (!switched) {
                tools.generations().drop(generation);
            }
        } catch (RuntimeException cleanup) {
            log.warn("Rebuild {}: could not clean up after the failure; the next rebuild or start will", id,
                    cleanup);
        }
    }

    private static String describe(Throwable e) {
        String description = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        return cause == null ? description
                : description + "; caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
