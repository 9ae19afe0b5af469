package app.kariz.view.rebuild;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of some topics from the beginning, for a rebuild. It belongs to no consumer group and
 * commits nothing (manual assignment): the live consumer's group and its offsets are untouched, and a replay that
 * is abandoned leaves no trace in Kafka. Records come in partition order, like the live consumer's; isolation is
 * {@code read_committed} like the live consumer's, so both see the same records.
 */
final class TopicReplay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    TopicReplay(String bootstrapServers, String clientId, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            for (String topic : topics) {
                for (PartitionInfo partition : consumer.partitionsFor(topic, METADATA_TIMEOUT)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Where each partition ends now (for {@code read_committed}: its last stable offset). */
    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, METADATA_TIMEOUT);
    }

    /** How many records lie between where the replay is and {@code ends}. */
    long behind(Map<TopicPartition, Long> ends) {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            behind += Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition, METADATA_TIMEOUT));
        }
        return behind;
    }

    /**
     * Hands every record to {@code apply} until each partition is read up to {@code ends} (records past them that
     * come in the same poll are handed over too). {@code beforePoll} runs before every poll: it may renew a lease
     * or end the replay by throwing.
     */
    void replayUntil(Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<String, byte[]>> apply,
                     Runnable beforePoll) {
        while (behind(ends) > 0) {
            pollOnce(apply, beforePoll);
        }
    }

    /** Hands over whatever arrives during {@code duration}. */
    void replayFor(Duration duration, Consumer<ConsumerRecord<String, byte[]>> apply, Runnable beforePoll) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce(apply, beforePoll);
        }
    }

    private void pollOnce(Consumer<ConsumerRecord<String, byte[]>> apply, Runnable beforePoll) {
        beforePoll.run();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            apply.accept(record);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
