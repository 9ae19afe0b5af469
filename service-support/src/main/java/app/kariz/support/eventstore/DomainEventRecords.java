package app.kariz.support.eventstore;

import app.kariz.contract.request.RequestId;
import app.kariz.events.EventCatalog;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.support.publish.EventRecords.StoredEvent;
import app.kariz.support.publish.EventRecords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The Kafka record of an event as Axon stored it. The relay and the republisher both build records here, so an
 * event published again is byte for byte the record published the first time.
 */
final class DomainEventRecords {

    private final String source;
    private final ObjectMapper json;

    DomainEventRecords(String source, ObjectMapper json) {
        this.source = source;
        this.json = json;
    }

    ProducerRecord<String, byte[]> toRecord(DomainEventMessage<?> message, KarizEvent event)
            throws JsonProcessingException {
        EventType<?> type = typeOf(event);
        StoredEvent stored = new StoredEvent(message.getIdentifier(), message.getTimestamp(),
                WrittenPositions.positionOf(message),
                (String) message.getMetaData().get("correlationId"),
                (String) message.getMetaData().get(RequestId.MDC_KEY), event);
        return EventRecords.toRecord(stored, type, source, json.writeValueAsBytes(event));
    }

    static EventType<?> typeOf(KarizEvent event) {
        return EventCatalog.byJavaType(event.getClass())
                .orElseThrow(() -> new IllegalStateException("Not in the event catalog: " + event.getClass()));
    }
}
