package app.kariz.support.consume;

import app.kariz.support.json.EventJson;
import app.kariz.support.publish.KafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies the events of some topics, one at a time and in partition order, on a thread of its own. Offsets
 * are committed only after the events before them were dealt with, so a restart re-delivers what was not
 * finished (handlers must be idempotent). A failing handler is retried with back-off; a record that cannot be
 * decoded, or still fails after {@code kariz.kafka.retry.max-attempts}, is copied to the topic's dead-letter
 * topic ({@link DeadLetters}) and consumption moves on, so one poison record never blocks the other deals.
 * Nothing is skipped silently: what a handler cannot apply is on the dead-letter topic, and the gap it leaves
 * in its aggregate's sequence is visible to the consumers that check sequences.
 */
public class EventStreamConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreamConsumer.class);

    private final KafkaProperties kafka;
    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    private final ConsumedEventHandler handler;
    private final MeterRegistry meters;
    private final Runnable beforeCommit;
    private final EventDecoder decoder = new EventDecoder(EventJson.newMapper());
    private volatile ConsumerLoop loop;

    public EventStreamConsumer(KafkaProperties kafka, Admin admin, String groupId, List<String> topics,
                               ConsumedEventHandler handler, MeterRegistry meters) {
        this(kafka, admin, groupId, topics, handler, meters, () -> { });
    }

    /**
     * @param beforeCommit makes durable what the handler wrote without waiting for the disk, before the offsets of
     *                     the events it applied are committed (a {@link app.kariz.support.mongo.DurabilityBarrier})
     */
    public EventStreamConsumer(KafkaProperties kafka, Admin admin, String groupId, List<String> topics,
                               ConsumedEventHandler handler, MeterRegistry meters, Runnable beforeCommit) {
        this.beforeCommit = beforeCommit;
        this.kafka = kafka;
        this.admin = admin;
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        Producer<String, byte[]> deadLetterProducer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, groupId + "-dlt-" + ProcessHandle.current().pid(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        RecordApplier applier = new RecordApplier(decoder, handler,
                new DeadLetters(deadLetterProducer, groupId, meters), kafka.retry(), groupId, meters,
                this::isRunning, duration -> TimeUnit.MILLISECONDS.sleep(duration.toMillis()));
        loop = new ConsumerLoop("events-" + groupId, consumer, topics,
                record -> applier.apply(record) != RecordApplier.Outcome.STOPPED, beforeCommit,
                () -> deadLetterProducer.close(Duration.ofSeconds(5)));
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null && loop.isRunning();
    }

    /**
     * Waits until this consumer group has applied everything that was on its topics when the call began.
     *
     * @return whether it caught up within the timeout
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            while (true) {
                if (committedAtLeast(ends)) {
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Could not compare the offsets of {}: {}", groupId, e.toString());
            return false;
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get();
        return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private boolean committedAtLeast(Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || Optional.ofNullable(committed.get(end.getKey())).map(OffsetAndMetadata::offset).orElse(0L)
                >= end.getValue());
    }
}
