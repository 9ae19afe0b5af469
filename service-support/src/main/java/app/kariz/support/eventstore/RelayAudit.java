package app.kariz.support.eventstore;

import app.kariz.events.Position;
import app.kariz.events.RepublishRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds events the relay ({@link KafkaEventPublisher}) skipped and that nobody else would notice, and publishes
 * them through the {@link EventRepublisher}.
 * <p>
 * <b>Why.</b> Axon's MongoDB store tracks by event timestamp with a short look-back, so an event committed
 * later than the look-back after its timestamp can be passed over by the relay's tracking processor. A consumer
 * notices such a gap when a later event of the same aggregate arrives and asks for a republish; but when the
 * skipped event is the last of its aggregate, nothing ever reveals it, and every consumer, analytics included,
 * would lose it for good.
 * <p>
 * <b>How.</b> The relay raises each aggregate's {@link PublishedHeads published head} after the broker acked.
 * Every {@code interval} the audit groups the event store's domain events with timestamps in
 * [now − window, bound) by aggregate, takes the highest stored sequence of each, and for each aggregate whose
 * head is lower (or missing) asks the republisher for its events from head + 1 (or from its first event in the
 * window). Those go out with the same key, headers and payload as a first publish, so they are ordinary
 * duplicates to anyone who has them. Then the head is raised, so an event is audited into Kafka once.
 * <p>
 * The bound is the earlier of (a) now − {@code settleDelay}, a wall-clock margin, and (b) the relay's
 * {@link RelayPosition} − the store's look-back. (b) is what makes the audit precise: an event stamped at or after
 * it will still be read by the processor itself (its query starts there), while one stamped before it, if the
 * processor has not published it, never will be. So a relay that is merely behind, during a Kafka outage or at
 * startup, causes no republishing, and neither does an instance that does not run the relay's processor (the
 * instance that does audits). A skipped event is committed after the processor passed it, so it is eligible at
 * once, and published within {@code interval} + {@code settleDelay} of its commit, as long as it was committed
 * within {@code window} of its timestamp. The first audit runs {@code settleDelay} after startup and covers the
 * whole window, like every other.
 * <p>
 * <b>Not covered.</b> A gap in the middle of an aggregate (a later event was published, so the head is past it):
 * consumers see that one and ask for it. Events committed more than {@code window} after their timestamp.
 * <p>
 * <b>First deployment.</b> Heads start empty, so the first audit republishes, once, the events of the aggregates
 * written in the last window (ordinary duplicates); from then on the relay keeps the heads.
 * <p>
 * <b>Cost.</b> The scan is a range on {@code timestamp}, served by the index Axon's storage engine creates on
 * {@code {timestamp: 1, sequenceNumber: 1}} ({@code orderedEventStreamIndex}, made when the engine is built), and
 * returns one small document per aggregate; heads are read by {@code _id}. Each event is read by about
 * window / interval audits (20 with the defaults) while it is in the window.
 */
class RelayAudit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayAudit.class);
    static final String REQUESTED_BY = "relay-audit";

    private final MongoCollection<Document> events;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();
    private final PublishedHeads heads;
    private final EventRepublisher republisher;
    private final RelayPosition relayPosition;
    private final Duration lookBack;
    private final RelayAuditProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile ScheduledExecutorService schedule;

    /**
     * @param events   the storage engine's domain event collection (documents as axon-mongo's
     *                 {@code DocumentPerEventStorageStrategy} writes them)
     * @param republisher may be null only when {@code properties} disable the audit (a context without one)
     * @param lookBack the storage engine's tracking look-back
     */
    public RelayAudit(MongoCollection<Document> events, PublishedHeads heads, EventRepublisher republisher,
                      RelayPosition relayPosition, Duration lookBack, RelayAuditProperties properties, Clock clock,
                      MeterRegistry meters) {
        this.events = events;
        this.heads = heads;
        this.republisher = properties.enabled() ? Objects.requireNonNull(republisher, "republisher") : republisher;
        this.relayPosition = relayPosition;
        this.lookBack = lookBack;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * One audit.
     *
     * @return how many events were published again
     * @throws RuntimeException when the event store or the heads cannot be read; an aggregate that cannot be
     *                          republished is logged and left to the next audit instead
     */
    public int audit() {
        Optional<Instant> tracked = relayPosition.trackedUpTo();
        if (tracked.isEmpty()) {
            log.debug("Relay audit skipped: the relay's processor does not run here or has not read anything yet");
            return 0;
        }
        Instant now = clock.instant();
        Instant settled = now.minus(properties.settleDelay());
        Instant passed = tracked.get().minus(lookBack);
        Instant until = settled.isBefore(passed) ? settled : passed;
        Instant from = now.minus(properties.window());
        if (!from.isBefore(until)) {
            return 0;
        }
        List<StoredRange> stored = storedBetween(from, until);
        Map<String, Long> published = heads.of(stored.stream().map(StoredRange::aggregateId).toList());
        int total = 0;
        for (StoredRange range : stored) {
            if (Thread.currentThread().isInterrupted()) {
                break; // stopping: the next start audits the window again
            }
            Long head = published.get(range.aggregateId());
            if (head != null && head >= range.last()) {
                continue;
            }
            total += republish(range, head, now);
        }
        return total;
    }

    /** @param head the highest sequence of the aggregate known to be on Kafka; null if none is */
    private int republish(StoredRange range, Long head, Instant now) {
        long fromSequence = head == null ? range.first() : head + 1;
        // The store holds only this service's aggregates; an unowned type would be a wiring mistake, not a gap.
        if (!republisher.owns(range.aggregateType())) {
            log.error("Relay audit: {}:{} is in this event store but its type is not owned here",
                    range.aggregateType(), range.aggregateId());
            return 0;
        }
        try {
            int count = republisher.republish(new RepublishRequest(range.aggregateType(), range.aggregateId(),
                    fromSequence, REQUESTED_BY, now));
            heads.record(List.of(new Position(range.aggregateType(), range.aggregateId(), range.last())));
            meters.counter("kariz.relay.audit.republished", "aggregateType", range.aggregateType()).increment(count);
            log.warn("Relay audit: {}:{} was stored up to sequence {} but published up to {}; published {} events "
                            + "again from sequence {}", range.aggregateType(), range.aggregateId(), range.last(),
                    head == null ? "none" : head, count, fromSequence);
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            log.warn("Relay audit: could not republish {}:{} from sequence {}; the next audit tries again",
                    range.aggregateType(), range.aggregateId(), fromSequence, e);
            return 0;
        }
    }

    /**
     * The first and last sequence of each aggregate among the domain events stamped in [from, until). Timestamps
     * are compared as axon-mongo stores them: ISO-8601 strings in UTC with exactly three fraction digits, which
     * sort as the instants do ({@link DateTimeUtils#formatInstant}, what the storage engine itself uses).
     */
    private List<StoredRange> storedBetween(Instant from, Instant until) {
        String timestamp = fields.timestampProperty();
        String sequence = "$" + fields.sequenceNumberProperty();
        List<StoredRange> ranges = new ArrayList<>();
        events.aggregate(List.of(
                Aggregates.match(Filters.and(
                        Filters.gte(timestamp, DateTimeUtils.formatInstant(from)),
                        Filters.lt(timestamp, DateTimeUtils.formatInstant(until)),
                        // Events not applied by an aggregate have no type; the relay publishes aggregates' events.
                        Filters.ne(fields.typeProperty(), null))),
                Aggregates.group("$" + fields.aggregateIdentifierProperty(),
                        Accumulators.first("type", "$" + fields.typeProperty()),
                        Accumulators.min("first", sequence),
                        Accumulators.max("last", sequence))))
                .forEach(group -> ranges.add(new StoredRange(
                        // As the relay names the type (WrittenPositions.positionOf): lower case.
                        group.getString("type").toLowerCase(Locale.ROOT), group.getString("_id"),
                        ((Number) group.get("first")).longValue(), ((Number) group.get("last")).longValue())));
        return ranges;
    }

    private record StoredRange(String aggregateType, String aggregateId, long first, long last) {
    }

    // ---- schedule --------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (!properties.enabled() || schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kariz-relay-audit");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::auditAndLogFailure, properties.settleDelay().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed audit must not end the schedule (an exception would cancel it): log, and try at the next tick. */
    private void auditAndLogFailure() {
        try {
            audit();
        } catch (RuntimeException e) {
            log.warn("Relay audit failed; the next one runs in {}", properties.interval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
