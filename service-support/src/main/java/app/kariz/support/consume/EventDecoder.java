package app.kariz.support.consume;

import app.kariz.events.EventCatalog;
import app.kariz.events.EventHeaders;
import app.kariz.events.EventType;
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
     * @return the event, or empty for a type this consumer does not know yet (newer producers may add types)
     * @throws IOException when the record claims a known type but its value or headers are not valid
     */
    public Optional<ConsumedEvent> decode(ConsumerRecord<String, byte[]> record) throws IOException {
        Optional<EventType<?>> type = EventCatalog.byCeType(header(record, EventHeaders.TYPE));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            Position position = new Position(header(record, EventHeaders.AGGREGATE_TYPE),
                    header(record, EventHeaders.AGGREGATE_ID),
                    Long.parseLong(header(record, EventHeaders.SEQUENCE)));
            return Optional.of(new ConsumedEvent(header(record, EventHeaders.ID), type.get().ceType(), position,
                    Instant.parse(header(record, EventHeaders.TIME)), header(record, EventHeaders.CORRELATION_ID),
                    json.readValue(record.value(), type.get().javaType())));
        } catch (RuntimeException malformed) {
            throw new IOException("Malformed event record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset(), malformed);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
