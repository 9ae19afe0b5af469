package app.kariz.gateway.identity.publish;

import app.kariz.events.EventCatalog;
import app.kariz.events.EventEnvelope;
import app.kariz.events.EventType;
import app.kariz.events.Position;
import app.kariz.events.organization.OrganizationCreated;
import app.kariz.gateway.identity.IdentityStore.UnpublishedOrganization;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes organisation events to {@code kariz.organizations.v1} the way the services publish theirs: JSON value
 * (ISO-8601 instants), keyed by organisation, CloudEvents binary-mode headers plus Kariz's. An organisation is an
 * aggregate of one event here, so its sequence is always 0.
 */
class KafkaOrganizationPublisher implements OrganizationPublisher, AutoCloseable {

    static final String AGGREGATE_TYPE = "organization";
    private static final long SEND_TIMEOUT_SECONDS = 40;

    private final Producer<String, byte[]> producer;
    private final String source;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final EventType<?> type = EventCatalog.byJavaType(OrganizationCreated.class)
            .orElseThrow(() -> new IllegalStateException("OrganizationCreated is not in the event catalog"));

    public KafkaOrganizationPublisher(Producer<String, byte[]> producer, String source) {
        this.producer = producer;
        this.source = source;
    }

    /** Durable and duplicate-free per partition: all in-sync replicas ack, the idempotent producer dedups retries. */
    public static Producer<String, byte[]> newProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // A broker that is away fails the send within these bounds; the outbox retries later.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(UnpublishedOrganization organization) throws Exception {
        producer.send(toRecord(organization)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    ProducerRecord<String, byte[]> toRecord(UnpublishedOrganization organization) throws Exception {
        OrganizationCreated event = organization.event();
        String key = type.keyOf(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, json.writeValueAsBytes(event));
        new EventEnvelope(organization.eventId(), source, type.ceType(), event.createdAt(), key,
                new Position(AGGREGATE_TYPE, event.organizationId(), 0), event.organizationId(), null,
                organization.requestId()).headers()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Override
    public void close() {
        producer.close();
    }
}
