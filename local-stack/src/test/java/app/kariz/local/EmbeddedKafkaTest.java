package app.kariz.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class EmbeddedKafkaTest {

    private static final String TOPIC = "deal-events";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> embeddedKafkaLog = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        embeddedKafkaLog.start();
        ((Logger) LoggerFactory.getLogger(EmbeddedKafka.class)).addAppender(embeddedKafkaLog);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(EmbeddedKafka.class)).detachAppender(embeddedKafkaLog);
    }

    @Test
    void topicsRecordsAndCommittedOffsetsSurviveARestart() throws Exception {
        RecordMetadata written;
        long started = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            report("first start", started);
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");

            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                written = producer.send(new ProducerRecord<>(TOPIC, "deal-42", "DealMovedToNegotiation"))
                        .get(10, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> consumer = consumer(kafka, "first-reader")) {
                assertThat(readOne(consumer)).isEqualTo("deal-42=DealMovedToNegotiation");
                consumer.commitSync(Duration.ofSeconds(10));
            }
            started = System.nanoTime();
        }
        assertThat(report("close", started)).as("close() must not hang").isLessThan(10_000);

        started = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            report("restart", started);
            try (Admin admin = admin(kafka)) {
                TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(TOPIC);
                assertThat(topic.partitions()).hasSize(3);
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("first-reader").partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                assertThat(committed.get(new TopicPartition(TOPIC, written.partition())).offset())
                        .isEqualTo(written.offset() + 1);
            }
            try (KafkaConsumer<String, String> consumer = consumer(kafka, "second-reader")) {
                assertThat(readOne(consumer)).isEqualTo("deal-42=DealMovedToNegotiation");
            }
        }

        assertThat(embeddedKafkaLog.list)
                .as("Kafka must not try to exit or halt the JVM during a normal start and stop")
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void whileRunningItGuardsItsDataDirAndTheJvm() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            // What Kafka's fatal fault handlers call; without the guard this would kill the test JVM.
            assertThatThrownBy(() -> Exit.halt(1, "simulated fatal fault"))
                    .isInstanceOf(IllegalStateException.class);

            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
                // The controller acknowledges the creation before the broker's metadata cache lists it.
                await().atMost(DEADLINE).until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)
                        .contains(TOPIC));
            }
        }
    }

    /** Polls until a record arrives, then checks that it is the only one in the topic. */
    private static String readOne(KafkaConsumer<String, String> consumer) {
        consumer.subscribe(List.of(TOPIC));
        List<String> received = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                received.add(record.key() + "=" + record.value());
            }
            return !received.isEmpty();
        });
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(record.key() + "=" + record.value());
        }
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafka kafka, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    private static long report(String what, long startedNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        System.out.printf("EmbeddedKafka %s: %d ms%n", what, millis);
        return millis;
    }
}
