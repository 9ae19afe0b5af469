package app.kariz.view.consistency;

import app.kariz.events.Position;
import app.kariz.support.consume.ConsumedEvent;
import app.kariz.support.consume.ConsumedEventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Hands the projection each stream's events in sequence order: the next one is applied (and a duplicate, at or
 * below its stream's applied position, passed on for the projection to skip); one further ahead arrived
 * after a gap (an event that never reached the topic, e.g. one the publisher's event store tracking skipped)
 * and is parked ({@link ParkedEvents}) while the owning service is asked to publish the stream again from the
 * first missing sequence ({@link HealRequests}). When the missing event arrives it is applied, then the parked
 * events that follow it, in order. Other streams are never held up: a parked event counts as dealt with.
 *
 * <p>Metrics (tag {@code aggregateType}): {@code kariz.view.gaps.detected}, {@code kariz.view.gaps.healed},
 * {@code kariz.view.events.parked} and {@code kariz.view.events.unparked}.
 *
 * <p>Not thread-safe per stream: a stream's events must come from one thread, as they do from its one
 * partition.
 */
public class InOrderStreams implements ConsumedEventHandler {

    private static final Logger log = LoggerFactory.getLogger(InOrderStreams.class);

    private final ConsumedEventHandler projection;
    private final AppliedPositions positions;
    private final ParkedEvents parked;
    private final OpenGaps gaps;
    private final HealRequests heal;
    private final HealBackoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;

    public InOrderStreams(ConsumedEventHandler projection, AppliedPositions positions, ParkedEvents parked,
                          OpenGaps gaps, HealRequests heal, HealBackoff backoff, Clock clock, MeterRegistry meters) {
        this.projection = projection;
        this.positions = positions;
        this.parked = parked;
        this.gaps = gaps;
        this.heal = heal;
        this.backoff = backoff;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void handle(ConsumedEvent event) {
        Position position = event.position();
        long applied = positions.appliedSequence(position.streamKey());
        if (position.sequence() > applied + 1) {
            park(event, next(position, applied));
            return;
        }
        // A duplicate goes on too: the projection skips it itself, and whatever it does on a redelivery (such as
        // announcing a change a crash kept it from announcing) still happens. It also resumes applying parked
        // successors where a crash or a failure stopped that.
        projection.handle(event);
        applyParkedSuccessors(position, Math.max(applied, position.sequence()));
    }

    private void park(ConsumedEvent event, Position firstMissing) {
        Instant now = clock.instant();
        // The gap first: a parked event must never be left without a gap that asks for what it waits for.
        if (gaps.open(firstMissing, now, now.plus(backoff.after(0)))) {
            count("kariz.view.gaps.detected", firstMissing);
            log.warn("Gap in {}: {} arrived but {} did not; asking for the stream again from there",
                    firstMissing.streamKey(), event.position().sequence(), firstMissing.sequence());
            heal.request(firstMissing);
        }
        if (parked.park(event, now)) {
            count("kariz.view.events.parked", event.position());
            log.info("Parked {} at {} until {} has been applied", event.ceType(), event.position(), firstMissing);
        }
    }

    /**
     * With the stream applied up to {@code last}: applies the parked events that now follow without a gap, and
     * settles the stream's gap. A parked event the projection fails on stays parked, and the gap then waits
     * for it: it is asked for again, and its copy goes the way of any record, retried and at worst
     * dead-lettered, without failing the event that is being handled now.
     */
    private void applyParkedSuccessors(Position stream, long last) {
        Optional<OpenGaps.Gap> gap = gaps.find(stream.streamKey());
        if (gap.isEmpty()) {
            return;
        }
        for (Optional<ConsumedEvent> next = parked.find(stream.streamKey(), last + 1); next.isPresent();
             next = parked.find(stream.streamKey(), last + 1)) {
            try {
                projection.handle(next.get());
            } catch (RuntimeException e) {
                log.warn("Could not apply parked {} at {}; it stays parked and is asked for again",
                        next.get().ceType(), next.get().position(), e);
                break;
            }
            parked.remove(stream.streamKey(), last + 1);
            last++;
            count("kariz.view.events.unparked", stream);
        }
        parked.removeUpTo(stream.streamKey(), last);
        settle(gap.get(), stream, last);
    }

    private void settle(OpenGaps.Gap gap, Position stream, long last) {
        OptionalLong waiting = parked.lowestSequence(stream.streamKey());
        if (waiting.isEmpty()) {
            gaps.close(stream.streamKey());
            count("kariz.view.gaps.healed", stream);
            log.info("Gap in {} healed: applied up to {}", stream.streamKey(), last);
            return;
        }
        Position firstMissing = next(stream, last);
        if (firstMissing.sequence() == gap.fromSequence()) {
            return;
        }
        Instant now = clock.instant();
        gaps.moveTo(firstMissing, now, now.plus(backoff.after(0)));
        count("kariz.view.gaps.healed", stream);
        count("kariz.view.gaps.detected", stream);
        log.warn("Gap in {}: applied up to {}, {} is parked; asking for the stream again from {}",
                stream.streamKey(), last, waiting.getAsLong(), firstMissing.sequence());
        heal.request(firstMissing);
    }

    private static Position next(Position position, long applied) {
        return new Position(position.aggregateType(), position.aggregateId(), applied + 1);
    }

    private void count(String name, Position position) {
        meters.counter(name, "aggregateType", position.aggregateType()).increment();
    }
}
