package app.kariz.support.eventstore;

import app.kariz.events.KarizEvent;
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
 * de-duplicate by aggregate sequence. An event the tracking processor skips (see the platform notes on Axon's
 * MongoDB store) is published when a consumer asks for it ({@link EventRepublisher}).
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private final Producer<String, byte[]> producer;
    private final DomainEventRecords records;
    private final MeterRegistry meters;

    public KafkaEventPublisher(Producer<String, byte[]> producer, String source, ObjectMapper json,
                               MeterRegistry meters) {
        this.producer = producer;
        this.records = new DomainEventRecords(source, json);
        this.meters = meters;
    }

    @EventHandler
    public void publish(KarizEvent event, DomainEventMessage<?> message) throws Exception {
        producer.send(records.toRecord(message, event)).get(30, TimeUnit.SECONDS);
        meters.counter("kariz.events.published", "type", DomainEventRecords.typeOf(event).ceType()).increment();
    }
}
