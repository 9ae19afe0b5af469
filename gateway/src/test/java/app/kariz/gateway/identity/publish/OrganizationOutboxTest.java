package app.kariz.gateway.identity.publish;

import app.kariz.contract.identity.Visibility;
import app.kariz.events.EventHeaders;
import app.kariz.events.Topics;
import app.kariz.gateway.identity.IdentityStore;
import app.kariz.gateway.identity.IdentityStore.UnpublishedOrganization;
import app.kariz.gateway.identity.Organization;
import app.kariz.mongo.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Organisations reach Kafka through the outbox: stored first, published, then marked; retried until they are. */
class OrganizationOutboxTest {

    private static final Instant CREATED = Instant.parse("2026-11-27T08:00:00Z");

    private final EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory();
    private final IdentityStore store;
    private final Clock clock = Clock.fixed(CREATED.plusSeconds(5), ZoneOffset.UTC);
    private final List<String> published = new ArrayList<>();
    private final AtomicBoolean kafkaAway = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private final OrganizationPublisher fakeKafka = organization -> {
        attempts.incrementAndGet();
        if (kafkaAway.get()) {
            throw new org.apache.kafka.common.errors.TimeoutException("Kafka is away");
        }
        published.add(organization.event().organizationId());
    };

    OrganizationOutboxTest() {
        store = new IdentityStore(MongoClients.create(mongo.connectionString()), "kariz_identity");
        store.createIndexes();
    }

    @AfterEach
    void close() {
        store.close();
        mongo.close();
    }

    @Test
    void aSweepPublishesEachUnpublishedOrganizationOnceOldestFirstAndMarksIt() {
        store(organization("org-2", CREATED.plusSeconds(1)));
        store(organization("org-1", CREATED));
        OrganizationOutbox outbox = new OrganizationOutbox(store, fakeKafka, Duration.ofHours(1), clock);

        assertThat(outbox.sweep()).isEqualTo(2);
        assertThat(published).containsExactly("org-1", "org-2");
        assertThat(store.unpublishedOrganizations(10)).isEmpty();

        assertThat(outbox.sweep()).isZero();
        assertThat(published).hasSize(2);
    }

    @Test
    void whileKafkaIsAwayNothingIsLostAndALaterSweepPublishes() {
        store(organization("org-1", CREATED));
        OrganizationOutbox outbox = new OrganizationOutbox(store, fakeKafka, Duration.ofHours(1), clock);
        kafkaAway.set(true);

        assertThat(outbox.sweep()).isZero();
        assertThat(store.unpublishedOrganizations(10)).hasSize(1);

        kafkaAway.set(false);
        assertThat(outbox.sweep()).isEqualTo(1);
        assertThat(published).containsExactly("org-1");
    }

    @Test
    void thePeriodicSweepPublishesWhatFailedEarlier() {
        kafkaAway.set(true);
        store(organization("org-1", CREATED));
        try (OrganizationOutbox outbox = new OrganizationOutbox(store, fakeKafka, Duration.ofMillis(50), clock)) {
            outbox.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() >= 2);
            assertThat(store.unpublishedOrganizations(10)).hasSize(1);
            kafkaAway.set(false);
            await().atMost(Duration.ofSeconds(20)).until(() -> store.unpublishedOrganizations(10).isEmpty());
        }
        assertThat(published).containsExactly("org-1");
    }

    @Test
    void theRecordIsACloudEventKeyedByOrganizationWithKarizHeaders() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        store(organization("org-1", CREATED));
        UnpublishedOrganization unpublished = store.unpublishedOrganizations(1).get(0);

        new KafkaOrganizationPublisher(producer, "/kariz/gateway").publish(unpublished);

        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(Topics.ORGANIZATIONS);
        assertThat(record.key()).isEqualTo("org-1");
        assertThat(headers(record)).containsAllEntriesOf(Map.of(
                EventHeaders.SPEC_VERSION, "1.0",
                EventHeaders.ID, "event-org-1",
                EventHeaders.SOURCE, "/kariz/gateway",
                EventHeaders.TYPE, "kariz.organization.created.v1",
                EventHeaders.TIME, "2026-11-27T08:00:00Z",
                EventHeaders.SUBJECT, "org-1",
                EventHeaders.AGGREGATE_TYPE, "organization",
                EventHeaders.AGGREGATE_ID, "org-1",
                EventHeaders.SEQUENCE, "0",
                EventHeaders.ORGANIZATION_ID, "org-1"));
        assertThat(headers(record)).containsEntry(EventHeaders.REQUEST_ID, "request-org-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"organizationId\":\"org-1\","
                + "\"name\":\"کاریز org-1\",\"timeZone\":\"Asia/Tehran\",\"locale\":\"fa\","
                + "\"createdAt\":\"2026-11-27T08:00:00Z\",\"createdBy\":\"platform-admin\"}");
    }

    @Test
    void aSendThatFailsIsAFailedPublication() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        store(organization("org-1", CREATED));
        OrganizationOutbox outbox = new OrganizationOutbox(store,
                new KafkaOrganizationPublisher(producer, "/kariz/gateway"), Duration.ofHours(1), clock);
        Thread broker = new Thread(() -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> !producer.history().isEmpty());
            producer.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("ISR too small"));
        });
        broker.start();

        assertThat(outbox.sweep()).isZero();
        assertThat(store.unpublishedOrganizations(10)).hasSize(1);
    }

    private void store(Organization organization) {
        store.insertOrganization(organization, new IdentityStore.PendingEvent("event-" + organization.id(),
                "platform-admin", "request-" + organization.id()));
    }

    private static Organization organization(String id, Instant createdAt) {
        return new Organization(id, "کاریز " + id, ZoneId.of("Asia/Tehran"), "fa", Visibility.EVERYONE, createdAt);
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, header -> new String(header.value(), StandardCharsets.UTF_8)));
    }
}
