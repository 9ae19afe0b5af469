package app.kariz.support.eventstore;

import app.kariz.events.RepublishRequest;
import app.kariz.events.Topics;
import app.kariz.support.publish.KafkaProperties;
import app.kariz.support.publish.RepublishRequests;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link Topics#REPUBLISH_REQUESTS} in a consumer group of this service and answers each request for an
 * aggregate type it owns with an {@link EventRepublisher}. A request that cannot be answered after a few
 * attempts is logged and left: requesters ask again while their gap stays open, so giving up on one request
 * loses nothing, while blocking on it would hold up every other one.
 */
public class RepublishRequestConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepublishRequestConsumer.class);
    private static final int ATTEMPTS = 3;

    private final KafkaProperties kafka;
    private final String groupId;
    private final EventRepublisher republisher;
    private final MeterRegistry meters;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** @param groupId one consumer group per service, e.g. {@code deal-service-republish} */
    public RepublishRequestConsumer(KafkaProperties kafka, String groupId, EventRepublisher republisher,
                                    MeterRegistry meters) {
        this.kafka = kafka;
        this.groupId = groupId;
        this.republisher = republisher;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        // Earliest: a request sent while this service's group did not exist yet is still answered.
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "republish-" + groupId);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.REPUBLISH_REQUESTS));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    answer(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.error("Republish request consumer {} stopped", groupId, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            running = false;
        }
    }

    private void answer(ConsumerRecord<String, byte[]> record) {
        RepublishRequest request;
        try {
            request = RepublishRequests.fromRecord(record);
        } catch (IOException e) {
            log.warn("Ignoring a malformed republish request at {}/{}@{}", record.topic(), record.partition(),
                    record.offset(), e);
            return;
        }
        if (!republisher.owns(request.aggregateType())) {
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS && running; attempt++) {
            try {
                republisher.republish(request);
                meters.counter("kariz.republish.requests", "aggregateType", request.aggregateType(),
                        "outcome", "answered").increment();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Could not answer {} (attempt {} of {})", request, attempt, ATTEMPTS, e);
                pause(Duration.ofMillis(200L * attempt));
            }
        }
        meters.counter("kariz.republish.requests", "aggregateType", request.aggregateType(), "outcome", "failed")
                .increment();
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
