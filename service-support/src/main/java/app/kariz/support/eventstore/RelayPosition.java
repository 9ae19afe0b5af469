package app.kariz.support.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How far the relay's tracking processor has read the event store, as the event timestamp its Mongo tracking
 * token stands at. The {@link RelayAudit} only judges events the processor has certainly passed: one stamped
 * later than this position minus the store's look-back will still be read by the processor itself.
 */
@FunctionalInterface
interface RelayPosition {

    /**
     * @return the timestamp the relay has read up to, or empty when this instance cannot tell: the processor does
     * not run here or holds only some of its segments (another instance relays, and audits, the rest), or has not
     * read anything yet. During a replay (a fresh processor's first pass is one) the position is the replay's: the
     * relay publishes, and records heads, while it replays as at any other time.
     */
    Optional<Instant> trackedUpTo();

    /** The position of {@link KafkaEventPublisher#PROCESSING_GROUP}'s processor in this instance. */
    static RelayPosition of(Supplier<EventProcessingConfiguration> processing) {
        return () -> processing.get()
                .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(processor -> positionOf(processor.processingStatus().values()));
    }

    private static Optional<Instant> positionOf(Collection<EventTrackerStatus> segments) {
        double share = segments.stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        if (segments.isEmpty() || share < 1.0
                || segments.stream().anyMatch(status -> status.getTrackingToken() == null)) {
            return Optional.empty();
        }
        Optional<Instant> slowest = Optional.empty();
        for (EventTrackerStatus status : segments) {
            Optional<Instant> position = WrappedToken.unwrap(status.getTrackingToken(), MongoTrackingToken.class)
                    .map(MongoTrackingToken::getTimestamp);
            if (position.isEmpty()) {
                return Optional.empty();
            }
            slowest = slowest.map(earlier -> earlier.isBefore(position.get()) ? earlier : position.get())
                    .or(() -> position);
        }
        return slowest;
    }
}
