package app.kariz.support.publish;

import app.kariz.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics Kariz uses when they are missing: the public event topics, their dead-letter topics and
 * the republish requests. Every service that touches them may do it, so the stack starts in any order; an
 * existing topic is left as it is.
 */
public final class EventTopics {

    private static final Logger log = LoggerFactory.getLogger(EventTopics.class);
    private static final List<String> EVENT_TOPICS =
            List.of(Topics.DEALS, Topics.ACTIVITIES, Topics.PIPELINES, Topics.ACTIVITY_TYPES, Topics.ORGANIZATIONS);
    /** Long enough for a service that was down to answer on its return; the requester re-asks anyway. */
    private static final Duration REPUBLISH_REQUEST_RETENTION = Duration.ofDays(7);

    private EventTopics() {
    }

    /** Where the consumers of {@code topic} put the records they could not apply: {@code <topic>.dlt}. */
    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlt";
    }

    public static void ensureExist(Admin admin, KafkaProperties properties) {
        // The topics are the system of record for rebuilding read models: never delete by age or size. A dead
        // letter is kept as long, until someone has looked at it.
        Map<String, String> keepForever = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        List<NewTopic> topics = new ArrayList<>();
        for (String name : EVENT_TOPICS) {
            topics.add(new NewTopic(name, properties.partitions(), properties.replicationFactor())
                    .configs(keepForever));
            topics.add(new NewTopic(deadLetterTopicOf(name), properties.partitions(), properties.replicationFactor())
                    .configs(keepForever));
        }
        topics.add(new NewTopic(Topics.REPUBLISH_REQUESTS, properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(REPUBLISH_REQUEST_RETENTION.toMillis()))));
        topics.forEach(topic -> create(admin, topic));
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
            log.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
        }
    }
}
