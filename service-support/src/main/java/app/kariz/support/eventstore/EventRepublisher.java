package app.kariz.support.eventstore;

import app.kariz.events.KarizEvent;
import app.kariz.events.RepublishRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Answers a {@link RepublishRequest}: reads the aggregate's events from the event store, from the requested
 * sequence on, and publishes them again exactly as the relay did ({@link DomainEventRecords}), waiting for the
 * broker's acknowledgements. This is how an event the relay's tracking processor skipped still reaches Kafka.
 * Requests for aggregate types this service does not own are ignored.
 */
public class EventRepublisher {

    private static final Logger log = LoggerFactory.getLogger(EventRepublisher.class);

    private final EventStore eventStore;
    private final Producer<String, byte[]> producer;
    private final DomainEventRecords records;
    private final Set<String> ownedAggregateTypes;
    private final MeterRegistry meters;

    public EventRepublisher(EventStore eventStore, Producer<String, byte[]> producer, String source,
                            ObjectMapper json, Set<String> ownedAggregateTypes, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.producer = producer;
        this.records = new DomainEventRecords(source, json);
        this.ownedAggregateTypes = Set.copyOf(ownedAggregateTypes);
        this.meters = meters;
    }

    public boolean owns(String aggregateType) {
        return ownedAggregateTypes.contains(aggregateType);
    }

    /** @return how many events were published again: none for an aggregate this service does not own or know */
    public int republish(RepublishRequest request) throws Exception {
        if (!owns(request.aggregateType())) {
            return 0;
        }
        DomainEventStream stream = eventStore.readEvents(request.aggregateId(), request.fromSequence());
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() >= request.fromSequence()
                    && message.getPayload() instanceof KarizEvent event
                    && WrittenPositions.positionOf(message).aggregateType().equals(request.aggregateType())) {
                sends.add(producer.send(records.toRecord(message, event)));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        meters.counter("kariz.events.republished", "aggregateType", request.aggregateType()).increment(sends.size());
        log.info("Published {} events of {}:{} again from sequence {}, as {} asked", sends.size(),
                request.aggregateType(), request.aggregateId(), request.fromSequence(), request.requestedBy());
        return sends.size();
    }
}
