package app.kariz.support.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapServers  Kafka brokers ({@code KARIZ_KAFKA_BOOTSTRAP_SERVERS})
 * @param partitions        partitions of each event topic when a service creates it
 * @param replicationFactor replication of each event topic when a service creates it (3 in production)
 * @param source            CloudEvents {@code ce_source} of what this service publishes
 */
@ConfigurationProperties("kariz.kafka")
public record KafkaProperties(String bootstrapServers,
                              @DefaultValue("3") int partitions,
                              @DefaultValue("1") short replicationFactor,
                              @DefaultValue("/kariz") String source) {
}
