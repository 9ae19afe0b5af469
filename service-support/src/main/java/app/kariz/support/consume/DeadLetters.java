package app.kariz.support.consume;

import app.kariz.support.publish.EventTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Puts a record a consumer gave up on into its topic's dead-letter topic ({@code <topic>.dlt}): the original
 * key, value and headers, plus why and where it failed. Counted in {@code kariz.events.deadlettered} (tags
 * {@code topic}, {@code consumer}).
 */
public final class DeadLetters {

    /** The exception that made the consumer give up: {@code <class>: <message>}, with its root cause. */
    public static final String ERROR = "kariz_dlt_error";
    /** The consumer group that gave up. */
    public static final String CONSUMER = "kariz_dlt_consumer";
    public static final String TOPIC = "kariz_dlt_topic";
    public static final String PARTITION = "kariz_dlt_partition";
    public static final String OFFSET = "kariz_dlt_offset";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Producer<String, byte[]> producer;
    private final String consumerGroup;
    private final MeterRegistry meters;

    public DeadLetters(Producer<String, byte[]> producer, String consumerGroup, MeterRegistry meters) {
        this.producer = producer;
        this.consumerGroup = consumerGroup;
        this.meters = meters;
    }

    /** Sends the dead letter and waits until the broker has it (the producer's acks decide how safely). */
    public void send(ConsumerRecord<String, byte[]> record, Throwable error) throws Exception {
        producer.send(recordOf(record, consumerGroup, error)).get(30, TimeUnit.SECONDS);
        meters.counter("kariz.events.deadlettered", "topic", record.topic(), "consumer", consumerGroup).increment();
    }

    static ProducerRecord<String, byte[]> recordOf(ConsumerRecord<String, byte[]> record, String consumerGroup,
                                                  Throwable error) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(EventTopics.deadLetterTopicOf(record.topic()),
                null, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header.key(), header.value());
        }
        add(letter, ERROR, describe(error));
        add(letter, CONSUMER, consumerGroup);
        add(letter, TOPIC, record.topic());
        add(letter, PARTITION, Integer.toString(record.partition()));
        add(letter, OFFSET, Long.toString(record.offset()));
        return letter;
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String description = error.getClass().getName() + ": " + error.getMessage();
        if (root != error) {
            description += "; caused by " + root.getClass().getName() + ": " + root.getMessage();
        }
        return description.length() <= MAX_ERROR_LENGTH ? description : description.substring(0, MAX_ERROR_LENGTH);
    }

    private static void add(ProducerRecord<String, byte[]> letter, String name, String value) {
        letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
