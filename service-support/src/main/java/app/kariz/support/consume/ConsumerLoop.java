package app.kariz.support.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka consumer polling on a thread of its own: records are handed over one at a time in partition order,
 * and offsets are committed only after a whole poll was processed, so a stop or crash re-delivers what was not
 * finished. Stopping wakes the consumer up and waits for the thread, which closes the consumer.
 */
public final class ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    /** Processes one record; false when it was not processed because the loop is stopping. */
    @FunctionalInterface
    public interface RecordProcessor {
        boolean process(ConsumerRecord<String, byte[]> record);
    }

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final List<String> topics;
    private final RecordProcessor processor;
    private final Runnable beforeCommit;
    private final Runnable afterClose;
    private volatile boolean running;
    private Thread thread;

    /** @param afterClose releases what the processor used, once the consumer is closed */
    public ConsumerLoop(String name, Consumer<String, byte[]> consumer, List<String> topics,
                        RecordProcessor processor, Runnable afterClose) {
        this(name, consumer, topics, processor, () -> { }, afterClose);
    }

    /**
     * @param beforeCommit runs after a poll's records were processed and before their offsets are committed: what
     *                     the processor wrote without waiting for the disk is made durable there, since a
     *                     committed offset is never delivered again
     * @param afterClose   releases what the processor used, once the consumer is closed
     */
    public ConsumerLoop(String name, Consumer<String, byte[]> consumer, List<String> topics,
                        RecordProcessor processor, Runnable beforeCommit, Runnable afterClose) {
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.processor = processor;
        this.beforeCommit = beforeCommit;
        this.afterClose = afterClose;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!processor.process(record)) {
                        return;
                    }
                }
                if (!records.isEmpty()) {
                    beforeCommit.run();
                    consumer.commitSync();
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.error("Consumer {} stopped", name, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            afterClose.run();
            running = false;
        }
    }
}
