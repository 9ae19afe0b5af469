package app.kariz.support.publish;

import app.kariz.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the public event topics when they are missing. Every service that touches them may do it, so the
 * stack starts in any order; an existing topic is left as it is.
 */
public final class EventTopics {

    private static final Logger log = LoggerFactory.getLogger(EventTopics.class);
    private static final List<String> ALL = List.of(Topics.DEALS, Topics.ACTIVITIES, Topics.PIPELINES, Topics.ACTIVITY_TYPES);

    private EventTopics() {
    }

    public static void ensureExist(Admin admin, KafkaProperties properties) {
        // The topics are the system of record for rebuilding read models: never delete by age or size.
        Map<String, String> keepForever = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        for (String name : ALL) {
            NewTopic topic = new NewTopic(name, properties.partitions(), properties.replicationFactor())
                    .configs(keepForever);
            try {
                admin.createTopics(List.of(topic)).all().get();
                log.info("Created topic {} with {} partitions", name, properties.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + name, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + name, e);
            }
        }
    }
}
