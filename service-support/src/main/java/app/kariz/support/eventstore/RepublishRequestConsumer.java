package app.kariz.support.eventstore;

import app.kariz.events.RepublishRequest;
import app.kariz.events.Topics;
import app.kariz.support.consume.ConsumerLoop;
import app.kariz.support.publish.KafkaProperties;
import app.kariz.support.publish.RepublishRequests;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    private volatile ConsumerLoop loop;

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
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        loop = new ConsumerLoop("republish-" + groupId, consumer, List.of(Topics.REPUBLISH_REQUESTS), record -> {
            answer(record);
            return true;
        }, () -> { });
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
        for (int attempt = 1; attempt <= ATTEMPTS && isRunning(); attempt++) {
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
