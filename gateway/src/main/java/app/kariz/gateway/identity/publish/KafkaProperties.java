package app.kariz.gateway.identity.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kariz.kafka.*}, named as in the services.
 *
 * @param bootstrapServers Kafka brokers ({@code KARIZ_KAFKA_BOOTSTRAP_SERVERS}); blank: organisation events are
 *                         not published (they wait in the outbox until a gateway with Kafka starts)
 * @param source           CloudEvents {@code ce_source} of what the gateway publishes
 */
@ConfigurationProperties("kariz.kafka")
public record KafkaProperties(String bootstrapServers, @DefaultValue("/kariz/gateway") String source) {

    public boolean enabled() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }
}
