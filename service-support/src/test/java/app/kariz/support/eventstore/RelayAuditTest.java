package app.kariz.support.eventstore;

import app.kariz.events.EventHeaders;
import app.kariz.events.KarizEvent;
import app.kariz.events.Position;
import app.kariz.events.deal.DealWon;
import app.kariz.support.json.EventJson;
import app.kariz.testing.mongo.InProcessMongo;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit against axon-mongo's real storage engine on the MongoDB wire protocol (in process), with the relay
 * running in a real tracking processor where it matters, and Kafka as a {@link MockProducer} shared by the relay
 * and the republisher, as production shares one producer.
 */
class RelayAuditTest {

    private static final String SOURCE = "/kariz/deal-service";
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final InProcessMongo MONGO = InProcessMongo.start();

    private final MongoDatabase database = MONGO.newDatabase();
    private final MongoTemplate template =
            DefaultMongoTemplate.builder().mongoDatabase(MONGO.client(), database.getName()).build();
    private final PublishedHeads heads = new PublishedHeads(database);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> kafka =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final MovableClock clock = new MovableClock(T0);
    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
        database.drop();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /** With the relay running: what a real tracking processor publishes, skips and leaves for the audit. */
    @Nested
    class WithTheRelayRunning {

        private RelayAudit audit;
        private RelayPosition position;

        private void startRelay() {
            Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
            EventStoreConfiguration wiring = new EventStoreConfiguration();
            KafkaEventPublisher relay = new KafkaEventPublisher(kafka, SOURCE, EventJson.newMapper(), heads, meters);
            Configurer configurer = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> serializer)
                    .configureEmbeddedEventStore(c -> wiring.eventStorageEngine(template))
                    .eventProcessing(processing -> processing.registerEventHandler(c -> relay));
            wiring.kafkaPublisherProcessing().configureModule(configurer);
            axon = configurer.start();
            position = RelayPosition.of(axon::eventProcessingConfiguration);
            audit = auditOf(position);
        }

        /** The processor's status moves after its batch committed; the audit judges by it, so the test waits. */
        private void awaitRelayAt(Instant timestamp) {
            await().atMost(PATIENCE).until(() -> position.trackedUpTo().filter(at -> !at.isBefore(timestamp))
                    .isPresent());
        }

        @Test
        void aSkippedLastEventOfItsAggregateIsPublishedOnceWithTheHeadersOfAFirstPublish() {
            startRelay();
            store("deal-a", 0, T0);
            store("deal-a", 1, T0.plusSeconds(1));
            store("deal-b", 0, T0.plusSeconds(10));
            awaitPublished("deal-b", 0);
            // deal-a's third event was stamped at T0+2s but is committed only now, after the processor moved to
            // T0+10s: further back than its look-back, so it never reads it. Proof: a later event goes out, it doesn't.
            store("deal-a", 2, T0.plusSeconds(2));
            store("deal-c", 0, T0.plusSeconds(11));
            awaitPublished("deal-c", 0);
            awaitRelayAt(T0.plusSeconds(11));
            assertThat(published("deal-a", 2)).isEmpty();

            clock.set(T0.plusSeconds(30));
            int republished = audit.audit();

            assertThat(republished).isEqualTo(1);
            assertThat(published("deal-a", 2)).singleElement().satisfies(record ->
                    assertThat(comparable(record)).isEqualTo(comparable(firstPublishOf("deal-a", 2))));
            assertThat(heads.of(List.of("deal-a"))).containsEntry("deal-a", 2L);
            assertThat(meters.counter("kariz.relay.audit.republished", "aggregateType", "deal").count()).isEqualTo(1);

            clock.set(T0.plusSeconds(60));
            assertThat(audit.audit()).as("a second audit finds nothing missing").isZero();
            assertThat(published("deal-a", 2)).hasSize(1);
        }

        @Test
        void nothingIsRepublishedWhenTheRelayPublishedEverything() {
            startRelay();
            store("deal-a", 0, T0);
            store("deal-a", 1, T0.plusSeconds(1));
            store("deal-b", 0, T0.plusSeconds(2));
            store("deal-z", 0, T0.plusSeconds(20)); // moves the relay far enough for the audit to judge the others
            awaitRelayAt(T0.plusSeconds(20));
            assertThat(heads.of(List.of("deal-a", "deal-b"))).isEqualTo(Map.of("deal-a", 1L, "deal-b", 0L));
            int sent = kafka.history().size();

            clock.set(T0.plusSeconds(30));

            assertThat(audit.audit()).isZero();
            assertThat(kafka.history()).hasSize(sent);
            assertThat(meters.counter("kariz.relay.audit.republished", "aggregateType", "deal").count()).isZero();
        }

        @Test
        void aSkippedEventStillInsideTheSettleDelayIsLeftAloneUntilItHasSettled() {
            startRelay();
            store("deal-a", 0, T0);
            store("deal-b", 0, T0.plusSeconds(10));
            awaitRelayAt(T0.plusSeconds(10));
            store("deal-a", 1, T0.plusSeconds(2));

            clock.set(T0.plusSeconds(6)); // 4 s after the event: inside the 5 s settle delay
            assertThat(audit.audit()).isZero();
            assertThat(published("deal-a", 1)).isEmpty();

            clock.set(T0.plusSeconds(8));
            assertThat(audit.audit()).isEqualTo(1);
            assertThat(published("deal-a", 1)).hasSize(1);
        }
    }

    /** The relay's position given, so the boundary is exact: no processor races the audit here. */
    @Nested
    class AgainstTheRelaysPosition {

        private void startStoreOnly() {
            Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
            EventStoreConfiguration wiring = new EventStoreConfiguration();
            axon = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> serializer)
                    .configureEmbeddedEventStore(c -> wiring.eventStorageEngine(template))
                    .start();
        }

        @Test
        void anEventTheRelayWillStillReadIsLeftToTheRelay() {
            startStoreOnly();
            store("deal-late", 0, T0.plusMillis(9_500)); // within the look-back of a relay at T0+10s
            store("deal-lost", 0, T0.plusSeconds(8));    // behind it: the relay will never read it
            RelayAudit audit = auditOf(() -> Optional.of(T0.plusSeconds(10)));
            clock.set(T0.plusSeconds(60));

            assertThat(audit.audit()).isEqualTo(1);
            assertThat(published("deal-lost", 0)).hasSize(1);
            assertThat(published("deal-late", 0)).isEmpty();
        }

        @Test
        void anInstanceThatDoesNotRunTheRelayDoesNotAudit() {
            startStoreOnly();
            store("deal-lost", 0, T0);
            RelayAudit audit = auditOf(Optional::empty);
            clock.set(T0.plusSeconds(60));

            assertThat(audit.audit()).isZero();
            assertThat(kafka.history()).isEmpty();
        }

        @Test
        void eventsOlderThanTheWindowAreOutOfReach() {
            startStoreOnly();
            store("deal-old", 0, T0);
            RelayAudit audit = auditOf(() -> Optional.of(T0.plus(Duration.ofHours(1))));
            clock.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(1));

            assertThat(audit.audit()).isZero();
            assertThat(kafka.history()).isEmpty();
        }

        @Test
        void onceStartedItAuditsOnItsScheduleAndOutlivesAFailedAudit() {
            startStoreOnly();
            store("deal-lost", 0, T0);
            AtomicInteger asked = new AtomicInteger();
            RelayPosition failingOnce = () -> {
                if (asked.incrementAndGet() == 1) {
                    throw new IllegalStateException("MongoDB is away");
                }
                return Optional.of(T0.plusSeconds(10));
            };
            RelayAudit audit = new RelayAudit(template.eventCollection(), heads, republisher(), failingOnce,
                    EventStoreConfiguration.TRACKING_LOOK_BACK,
                    new RelayAuditProperties(true, Duration.ofMillis(100), Duration.ofMinutes(10), Duration.ofSeconds(1)),
                    clock, meters);
            clock.set(T0.plusSeconds(60));

            audit.start();
            try {
                await().atMost(PATIENCE).until(() -> published("deal-lost", 0).size() == 1);
            } finally {
                audit.stop();
            }
            assertThat(asked).hasValueGreaterThan(1);
            assertThat(audit.isRunning()).isFalse();
        }

        @Test
        void anAggregateWithoutHeadIsPublishedFromItsFirstEventInTheWindow() {
            startStoreOnly();
            store("deal-new", 0, T0);
            store("deal-new", 1, T0.plusSeconds(1));
            RelayAudit audit = auditOf(() -> Optional.of(T0.plusSeconds(10)));
            clock.set(T0.plusSeconds(60));

            assertThat(audit.audit()).isEqualTo(2);
            assertThat(kafka.history()).map(record -> header(record, EventHeaders.SEQUENCE))
                    .containsExactly("0", "1");
        }
    }

    @Test
    void headsOnlyEverGoUp() {
        heads.record(List.of(new Position("deal", "deal-a", 5)));
        heads.record(List.of(new Position("deal", "deal-a", 3), new Position("deal", "deal-b", 0)));

        assertThat(heads.of(List.of("deal-a", "deal-b", "deal-c"))).isEqualTo(Map.of("deal-a", 5L, "deal-b", 0L));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private EventRepublisher republisher() {
        return new EventRepublisher(axon.eventStore(), kafka, SOURCE, EventJson.newMapper(), Set.of("deal"), meters);
    }

    private RelayAudit auditOf(RelayPosition position) {
        return new RelayAudit(template.eventCollection(), heads, republisher(), position,
                EventStoreConfiguration.TRACKING_LOOK_BACK,
                new RelayAuditProperties(false, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(5)),
                clock, meters);
    }

    /** Appends, as a command's unit of work would, an event stamped at {@code at}. */
    private void store(String dealId, long sequence, Instant at) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Deal", dealId, sequence,
                new DealWon("org-1", dealId, at, "u-1"),
                MetaData.from(Map.of("correlationId", "command-" + sequence, "requestId", "request-1")),
                "event-" + dealId + "-" + sequence, at));
    }

    private void awaitPublished(String dealId, long sequence) {
        await().atMost(PATIENCE).until(() -> !published(dealId, sequence).isEmpty());
    }

    private List<ProducerRecord<String, byte[]>> published(String dealId, long sequence) {
        return kafka.history().stream()
                .filter(record -> dealId.equals(header(record, EventHeaders.AGGREGATE_ID))
                        && Long.toString(sequence).equals(header(record, EventHeaders.SEQUENCE)))
                .toList();
    }

    /** The record the relay makes of the stored event, on a Kafka of its own. */
    private ProducerRecord<String, byte[]> firstPublishOf(String dealId, long sequence) {
        MockProducer<String, byte[]> elsewhere =
                new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
        MongoDatabase itsOwn = MONGO.newDatabase();
        KafkaEventPublisher relay = new KafkaEventPublisher(elsewhere, SOURCE, EventJson.newMapper(),
                new PublishedHeads(itsOwn), new SimpleMeterRegistry());
        DomainEventMessage<?> stored = axon.eventStore().readEvents(dealId, sequence).next();
        try {
            relay.publish((KarizEvent) stored.getPayload(), stored);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            itsOwn.drop();
        }
        return elsewhere.history().get(0);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Everything Kafka carries of a record: topic, key, value and headers. */
    private static List<Object> comparable(ProducerRecord<String, byte[]> record) {
        return List.of(record.topic(), record.key(), new String(record.value(), StandardCharsets.UTF_8),
                List.of(record.headers().toArray()));
    }

    /** The audit's now, set by the test. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
