package app.kariz.support.publish;

import app.kariz.events.EventEnvelope;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds the Kafka record of one stored event: JSON value, deal id key, CloudEvents binary-mode headers. */
public final class EventRecords {

    private EventRecords() {
    }

    public static ProducerRecord<String, byte[]> toRecord(StoredEvent stored, EventType<?> type, String source,
                                                          byte[] json) {
        KarizEvent event = stored.payload();
        String key = type.keyOf(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, json);
        new EventEnvelope(stored.eventId(), source, type.ceType(), stored.timestamp(), key, stored.position(),
                event.organizationId(), stored.correlationId(), stored.requestId()).headers()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** An event as the event store holds it, independent of Axon's message types. */
    public record StoredEvent(String eventId, Instant timestamp, Position position, String correlationId,
                              String requestId, KarizEvent payload) {
    }
}
