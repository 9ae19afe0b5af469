package app.kariz.support.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param bootstrapServers  Kafka brokers ({@code KARIZ_KAFKA_BOOTSTRAP_SERVERS})
 * @param partitions        partitions of each event topic when a service creates it
 * @param replicationFactor replication of each event topic when a service creates it (3 in production)
 * @param source            CloudEvents {@code ce_source} of what this service publishes
 * @param retry             how consumers of the event topics retry a record that fails before they dead-letter it
 */
@ConfigurationProperties("kariz.kafka")
public record KafkaProperties(String bootstrapServers,
                              @DefaultValue("3") int partitions,
                              @DefaultValue("1") short replicationFactor,
                              @DefaultValue("/kariz") String source,
                              @DefaultValue Retry retry) {

    public KafkaProperties {
        retry = retry == null ? Retry.DEFAULT : retry;
    }

    /**
     * @param maxAttempts  how often a handler may fail on one record before the record goes to the dead-letter
     *                     topic ({@code kariz.kafka.retry.max-attempts}, default 5). Failures that are outages
     *                     of MongoDB rather than faults of the record are retried without limit.
     * @param firstBackoff the wait after the first failure ({@code kariz.kafka.retry.first-backoff}, 100ms);
     *                     it doubles after each further one
     * @param maxBackoff   the longest wait between two attempts ({@code kariz.kafka.retry.max-backoff}, 5s)
     */
    public record Retry(@DefaultValue("5") int maxAttempts,
                        @DefaultValue("100ms") Duration firstBackoff,
                        @DefaultValue("5s") Duration maxBackoff) {

        public static final Retry DEFAULT = new Retry(5, Duration.ofMillis(100), Duration.ofSeconds(5));

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("kariz.kafka.retry.max-attempts must be at least 1");
            }
        }

        /** The wait after {@code failures} failed attempts (1 or more). */
        public Duration backoffAfter(int failures) {
            Duration backoff = firstBackoff;
            for (int i = 1; i < failures && backoff.compareTo(maxBackoff) < 0; i++) {
                backoff = backoff.multipliedBy(2);
            }
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        }
    }
}
