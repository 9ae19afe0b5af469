package app.kariz.support.consume;

import app.kariz.events.EventHeaders;
import app.kariz.events.deal.DealWon;
import app.kariz.support.consume.RecordApplier.Outcome;
import app.kariz.support.json.EventJson;
import app.kariz.support.publish.KafkaProperties.Retry;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecordApplierTest {

    private static final String GROUP = "view-test";
    private static final String WON = "kariz.deal.won.v1";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, new StringSerializer(), new ByteArraySerializer());
    private final List<Duration> pauses = new ArrayList<>();
    private final List<ConsumedEvent> handled = new ArrayList<>();

    @Test
    void anEventIsHandedToTheHandler() {
        Outcome outcome = applier(handled::add).apply(record(WON, won("deal-1"), 3));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(handled).singleElement().satisfies(event -> {
            assertThat(event.payload()).isInstanceOf(DealWon.class);
            assertThat(event.position().toString()).isEqualTo("deal:deal-1:3");
        });
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicWithWhyAndWhere() {
        ConsumerRecord<String, byte[]> malformed = record(WON, "{not json".getBytes(StandardCharsets.UTF_8), 3);

        Outcome outcome = applier(handled::add).apply(malformed);

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(handled).isEmpty();
        ProducerRecord<String, byte[]> letter = producer.history().get(0);
        assertThat(letter.topic()).isEqualTo("kariz.deals.v1.dlt");
        assertThat(letter.key()).isEqualTo("deal-1");
        assertThat(letter.value()).isEqualTo(malformed.value());
        assertThat(header(letter, EventHeaders.TYPE)).isEqualTo(WON);
        assertThat(header(letter, EventHeaders.SEQUENCE)).isEqualTo("3");
        assertThat(header(letter, DeadLetters.ERROR)).startsWith("java.io.IOException: Malformed event record")
                .contains("caused by com.fasterxml.jackson");
        assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo(GROUP);
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo("kariz.deals.v1");
        assertThat(header(letter, DeadLetters.PARTITION)).isEqualTo("2");
        assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo("41");
        assertThat(deadLettered()).isEqualTo(1);
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedWithGrowingPausesThenDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();

        Outcome outcome = applier(event -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no stage lead");
        }).apply(record(WON, won("deal-1"), 3));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(attempts).hasValue(5);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800));
        assertThat(header(producer.history().get(0), DeadLetters.ERROR))
                .isEqualTo("java.lang.IllegalStateException: no stage lead");
        assertThat(deadLettered()).isEqualTo(1);
    }

    @Test
    void aHandlerThatRecoversWithinTheAttemptsIsNotDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();

        Outcome outcome = applier(event -> {
            if (attempts.incrementAndGet() < 5) {
                throw new IllegalStateException("changed meanwhile");
            }
        }).apply(record(WON, won("deal-1"), 3));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aMongoOutageIsWaitedOutHoweverLongItLasts() {
        AtomicInteger attempts = new AtomicInteger();

        Outcome outcome = applier(event -> {
            if (attempts.incrementAndGet() <= 12) {
                throw new MongoSocketReadException("connection reset", new ServerAddress());
            }
        }).apply(record(WON, won("deal-1"), 3));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(attempts).hasValue(13);
        assertThat(producer.history()).isEmpty();
        assertThat(pauses).last().isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aDeadLetterThatCouldNotBeSentIsSentAgainRatherThanLost() {
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("no broker");
        RecordApplier applier = new RecordApplier(new EventDecoder(EventJson.newMapper()), handled::add,
                new DeadLetters(producer, GROUP, meters), Retry.DEFAULT, GROUP, meters, () -> true, pause -> {
                    pauses.add(pause);
                    producer.sendException = null;
                });

        Outcome outcome = applier.apply(record(WON, "{".getBytes(StandardCharsets.UTF_8), 3));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(pauses).hasSize(1);
        assertThat(producer.history()).hasSize(1);
        assertThat(deadLettered()).isEqualTo(1);
    }

    @Test
    void anEventOfATypeNotKnownYetIsStillHandedOverSoItsPositionMovesOn() {
        ConsumerRecord<String, byte[]> newer = record("kariz.deal.archived.v1",
                "{\"dealId\":\"deal-1\"}".getBytes(StandardCharsets.UTF_8), 4);

        Outcome outcome = applier(handled::add).apply(newer);

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(handled).singleElement().satisfies(event -> {
            assertThat(event.payload()).isEqualTo(new UnknownEvent("kariz.deal.archived.v1", "org-1"));
            assertThat(event.position().sequence()).isEqualTo(4);
        });
    }

    @Test
    void aRecordWithoutAnEventEnvelopeIsPassedBy() {
        ConsumerRecord<String, byte[]> foreign = new ConsumerRecord<>("kariz.deals.v1", 0, 1, "x",
                "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(applier(handled::add).apply(foreign)).isEqualTo(Outcome.NOT_AN_EVENT);
        assertThat(handled).isEmpty();
        assertThat(producer.history()).isEmpty();
    }

    private RecordApplier applier(ConsumedEventHandler handler) {
        return new RecordApplier(new EventDecoder(EventJson.newMapper()), handler,
                new DeadLetters(producer, GROUP, meters), Retry.DEFAULT, GROUP, meters, () -> true, pauses::add);
    }

    private double deadLettered() {
        return meters.counter("kariz.events.deadlettered", "topic", "kariz.deals.v1", "consumer", GROUP).count();
    }

    private static byte[] won(String dealId) {
        try {
            return EventJson.newMapper().writeValueAsBytes(
                    new DealWon("org-1", dealId, Instant.parse("2026-11-27T08:00:00Z"), "user-1"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, byte[]> record(String ceType, byte[] value, long sequence) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("kariz.deals.v1", 2, 41, "deal-1", value);
        add(record, EventHeaders.ID, "event-" + sequence);
        add(record, EventHeaders.TYPE, ceType);
        add(record, EventHeaders.TIME, "2026-11-27T08:00:00Z");
        add(record, EventHeaders.AGGREGATE_TYPE, "deal");
        add(record, EventHeaders.AGGREGATE_ID, "deal-1");
        add(record, EventHeaders.SEQUENCE, Long.toString(sequence));
        add(record, EventHeaders.ORGANIZATION_ID, "org-1");
        return record;
    }

    private static void add(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
