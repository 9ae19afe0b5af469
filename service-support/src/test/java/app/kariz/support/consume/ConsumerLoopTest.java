package app.kariz.support.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsumerLoopTest {

    private static final String TOPIC = "kariz.deals.v1";
    private final TopicPartition partition = new TopicPartition(TOPIC, 0);
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Test
    void theBarrierRunsAfterAPollWasProcessedAndBeforeItsOffsetsAreCommitted() {
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(partition));
            consumer.addRecord(record(0));
            consumer.addRecord(record(1));
        });
        ConsumerLoop loop = new ConsumerLoop("test", consumer, List.of(TOPIC), record -> {
            steps.add("applied " + record.offset());
            return true;
        }, () -> steps.add("barrier, committed " + committed()), () -> steps.add("closed"));

        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> committed() == 2);
        loop.stop();

        assertThat(steps).containsExactly("applied 0", "applied 1", "barrier, committed 0", "closed");
    }

    @Test
    void aPollThatBringsNothingNeedsNoBarrier() {
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        List<Integer> polls = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            consumer.schedulePollTask(() -> {
                consumer.rebalance(List.of(partition));
                polls.add(polls.size());
            });
        }
        ConsumerLoop loop = new ConsumerLoop("test", consumer, List.of(TOPIC), record -> true,
                () -> steps.add("barrier"), () -> steps.add("closed"));

        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.size() == 3);
        loop.stop();

        assertThat(steps).containsExactly("closed");
    }

    private long committed() {
        OffsetAndMetadata offset = consumer.committed(Set.of(partition)).get(partition);
        return offset == null ? 0 : offset.offset();
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "deal-1", new byte[0]);
    }
}
