package app.kariz.support.eventstore;

import app.kariz.events.EventCatalog;
import app.kariz.events.EventType;
import app.kariz.events.KarizEvent;
import app.kariz.support.publish.EventRecords;
import app.kariz.support.publish.EventRecords.StoredEvent;
import app.kariz.support.web.RequestIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

import java.util.concurrent.TimeUnit;

/**
 * Relays stored events to Kafka. Each send waits for the broker's acknowledgement (acks=all) before the
 * handler returns, so the tracking token only moves past events that are safely on the topic. Delivery is
 * at least once: after a crash between the ack and the token update an event is sent again, and consumers
 * de-duplicate by aggregate sequence.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private final Producer<String, byte[]> producer;
    private final String source;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public KafkaEventPublisher(Producer<String, byte[]> producer, String source, ObjectMapper json,
                               MeterRegistry meters) {
        this.producer = producer;
        this.source = source;
        this.json = json;
        this.meters = meters;
    }

    @EventHandler
    public void publish(KarizEvent event, DomainEventMessage<?> message) throws Exception {
        EventType<?> type = EventCatalog.byJavaType(event.getClass())
                .orElseThrow(() -> new IllegalStateException("Not in the event catalog: " + event.getClass()));
        StoredEvent stored = new StoredEvent(message.getIdentifier(), message.getTimestamp(),
                WrittenPositions.positionOf(message),
                (String) message.getMetaData().get("correlationId"),
                (String) message.getMetaData().get(RequestIds.MDC_KEY), event);
        producer.send(EventRecords.toRecord(stored, type, source, json.writeValueAsBytes(event)))
                .get(30, TimeUnit.SECONDS);
        meters.counter("kariz.events.published", "type", type.ceType()).increment();
    }

}
