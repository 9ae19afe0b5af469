package app.kariz.support.eventstore;

import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Relays stored events to Kafka. Each send waits for the broker's acknowledgement (acks=all) before the
 * handler returns, so the tracking token only moves past events that are safely on the topic. Delivery is
 * at least once: after a crash between the ack and the token update an event is sent again, and consumers
 * de-duplicate by aggregate sequence.
 * <p>
 * After the acks, the relay raises each aggregate's {@link PublishedHeads published head}. The heads of one
 * tracking batch are written together when its unit of work prepares to commit, so before the processor's
 * status moves past the batch: whoever sees the processor's position can rely on the heads up to it. A failed
 * head write rolls the batch back like a failed send (the events go out again, as duplicates).
 * <p>
 * An event the tracking processor skips (see the platform notes on Axon's MongoDB store) is published when a
 * consumer asks for it ({@link EventRepublisher}), or, when it was the last of its aggregate and nobody can
 * notice, by the {@link RelayAudit}, which compares the heads with the event store.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String PENDING_HEADS = KafkaEventPublisher.class.getName() + "/pendingHeads";

    private final Producer<String, byte[]> producer;
    private final DomainEventRecords records;
    private final PublishedHeads heads;
    private final MeterRegistry meters;

    public KafkaEventPublisher(Producer<String, byte[]> producer, String source, ObjectMapper json,
                               PublishedHeads heads, MeterRegistry meters) {
        this.producer = producer;
        this.records = new DomainEventRecords(source, json);
        this.heads = heads;
        this.meters = meters;
    }

    @EventHandler
    public void publish(KarizEvent event, DomainEventMessage<?> message) throws Exception {
        producer.send(records.toRecord(message, event)).get(30, TimeUnit.SECONDS);
        meters.counter("kariz.events.published", "type", DomainEventRecords.typeOf(event).ceType()).increment();
        recordHead(WrittenPositions.positionOf(message));
    }

    /** Within a tracking batch: once per batch, at prepare-commit. Called outside one: at once. */
    private void recordHead(Position published) {
        if (!CurrentUnitOfWork.isStarted()) {
            heads.record(List.of(published));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Position> pending = batch.getOrComputeResource(PENDING_HEADS, key -> {
            List<Position> positions = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> heads.record(positions));
            return positions;
        });
        pending.add(published);
    }
}
