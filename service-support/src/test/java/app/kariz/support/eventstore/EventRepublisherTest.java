package app.kariz.support.eventstore;

import app.kariz.events.KarizEvent;
import app.kariz.events.RepublishRequest;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealWon;
import app.kariz.support.json.EventJson;
import app.kariz.testing.mongo.InProcessMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventRepublisherTest {

    private static final String SOURCE = "/kariz/deal-service";
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private static final InProcessMongo MONGO = InProcessMongo.start();

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> relayed =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final MockProducer<String, byte[]> republished =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final EventRepublisher republisher = new EventRepublisher(eventStore, republished, SOURCE,
            EventJson.newMapper(), Set.of("deal", "pipeline"), meters);
    private final List<DomainEventMessage<?>> stored = new ArrayList<>();

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void publishesTheStreamAgainFromTheRequestedSequenceExactlyAsTheRelayDid() throws Exception {
        store("deal-1", new DealOpened("org-1", "deal-1", "p-1", "lead", "Big order", null, "u-1", null, null, null,
                T0, "u-1"));
        store("deal-1", new DealMoved("org-1", "deal-1", "p-1", "lead", "p-1", "won-soon", T0, T0.plusSeconds(60),
                "u-1"));
        store("deal-1", new DealWon("org-1", "deal-1", T0.plusSeconds(120), "u-1"));
        KafkaEventPublisher relay = new KafkaEventPublisher(relayed, SOURCE, EventJson.newMapper(),
                new PublishedHeads(MONGO.newDatabase()), meters);
        for (DomainEventMessage<?> message : stored) {
            relay.publish((KarizEvent) message.getPayload(), message);
        }

        int count = republisher.republish(new RepublishRequest("deal", "deal-1", 1, "pipeline-view-service", T0));

        assertThat(count).isEqualTo(2);
        assertThat(republished.history()).map(EventRepublisherTest::asComparable)
                .containsExactlyElementsOf(relayed.history().subList(1, 3).stream()
                        .map(EventRepublisherTest::asComparable).toList());
        assertThat(meters.counter("kariz.events.republished", "aggregateType", "deal").count()).isEqualTo(2);
    }

    @Test
    void ignoresAggregateTypesOfOtherServices() throws Exception {
        store("deal-1", new DealWon("org-1", "deal-1", T0, "u-1"));

        assertThat(republisher.republish(new RepublishRequest("activity", "deal-1", 0, "view", T0))).isZero();
        assertThat(republished.history()).isEmpty();
    }

    @Test
    void anAggregateItDoesNotKnowGivesNothing() throws Exception {
        assertThat(republisher.republish(new RepublishRequest("deal", "deal-404", 0, "view", T0))).isZero();
        assertThat(republished.history()).isEmpty();
    }

    private void store(String dealId, KarizEvent event) {
        long sequence = stored.stream().filter(m -> m.getAggregateIdentifier().equals(dealId)).count();
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Deal", dealId, sequence, event,
                MetaData.from(Map.of("correlationId", "command-" + sequence, "requestId", "request-1")),
                "event-" + dealId + "-" + sequence, T0.plusSeconds(sequence));
        storage.appendEvents(message);
        stored.add(message);
    }

    /** Everything Kafka carries of a record: topic, key, value and headers. */
    private static List<Object> asComparable(ProducerRecord<String, byte[]> record) {
        return List.of(record.topic(), record.key(), new String(record.value()),
                List.of(record.headers().toArray()));
    }
}
