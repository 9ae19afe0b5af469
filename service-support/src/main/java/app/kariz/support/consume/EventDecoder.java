package app.kariz.support.consume;

import app.kariz.events.EventCatalog;
import app.kariz.events.EventHeaders;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Reads a Kafka record back into a {@link ConsumedEvent}, using only the public contract. */
public final class EventDecoder {

    private final ObjectMapper json;

    public EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @return the event; for a type this consumer does not know yet (newer producers may add types), the event
     * with an {@link UnknownEvent} payload, or empty when the record does not even carry a position
     * @throws IOException when the record claims a known type but its value or headers are not valid
     */
    public Optional<ConsumedEvent> decode(ConsumerRecord<String, byte[]> record) throws IOException {
        String ceType = header(record, EventHeaders.TYPE);
        Optional<EventType<?>> type = EventCatalog.byCeType(ceType);
        if (type.isEmpty()) {
            return unknown(record, ceType);
        }
        try {
            return Optional.of(event(record, type.get().ceType(),
                    json.readValue(record.value(), type.get().javaType())));
        } catch (IOException | RuntimeException malformed) {
            throw new IOException("Malformed event record at " + where(record), malformed);
        }
    }

    private static Optional<ConsumedEvent> unknown(ConsumerRecord<String, byte[]> record, String ceType) {
        try {
            return Optional.of(event(record, ceType,
                    new UnknownEvent(ceType, header(record, EventHeaders.ORGANIZATION_ID))));
        } catch (RuntimeException noKarizEnvelope) {
            return Optional.empty();
        }
    }

    private static ConsumedEvent event(ConsumerRecord<String, byte[]> record, String ceType, KarizEvent payload) {
        Position position = new Position(header(record, EventHeaders.AGGREGATE_TYPE),
                header(record, EventHeaders.AGGREGATE_ID), Long.parseLong(header(record, EventHeaders.SEQUENCE)));
        if (payload == null) {
            throw new IllegalArgumentException("No value");
        }
        return new ConsumedEvent(header(record, EventHeaders.ID), ceType, position,
                Instant.parse(header(record, EventHeaders.TIME)), header(record, EventHeaders.CORRELATION_ID),
                payload);
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
