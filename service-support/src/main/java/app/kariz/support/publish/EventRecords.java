package app.kariz.support.publish;

import app.kariz.events.EventHeaders;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

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
        Headers headers = record.headers();
        add(headers, EventHeaders.SPEC_VERSION, "1.0");
        add(headers, EventHeaders.ID, stored.eventId());
        add(headers, EventHeaders.SOURCE, source);
        add(headers, EventHeaders.TYPE, type.ceType());
        add(headers, EventHeaders.TIME, stored.timestamp().toString());
        add(headers, EventHeaders.SUBJECT, key);
        add(headers, EventHeaders.CONTENT_TYPE, "application/json");
        add(headers, EventHeaders.AGGREGATE_TYPE, stored.position().aggregateType());
        add(headers, EventHeaders.AGGREGATE_ID, stored.position().aggregateId());
        add(headers, EventHeaders.SEQUENCE, Long.toString(stored.position().sequence()));
        add(headers, EventHeaders.ORGANIZATION_ID, event.organizationId());
        if (stored.correlationId() != null) {
            add(headers, EventHeaders.CORRELATION_ID, stored.correlationId());
        }
        if (stored.requestId() != null) {
            add(headers, EventHeaders.REQUEST_ID, stored.requestId());
        }
        return record;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An event as the event store holds it, independent of Axon's message types. */
    public record StoredEvent(String eventId, Instant timestamp, Position position, String correlationId,
                              String requestId, KarizEvent payload) {
    }
}
