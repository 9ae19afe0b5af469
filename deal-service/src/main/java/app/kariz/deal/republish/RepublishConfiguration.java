package app.kariz.deal.republish;

import app.kariz.support.eventstore.EventRepublisher;
import app.kariz.support.eventstore.RepublishRequestConsumer;
import app.kariz.support.json.EventJson;
import app.kariz.support.publish.KafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * Answers requests to publish a deal's or a pipeline's events again (a consumer found a gap in its stream),
 * from this service's event store. Left out where Kafka is not configured, such as tests without a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kariz.kafka", name = "bootstrap-servers")
class RepublishConfiguration {

    /** The aggregate types whose events this service stores and publishes. */
    static final Set<String> OWNED_AGGREGATE_TYPES = Set.of("deal", "pipeline");

    @Bean
    EventRepublisher eventRepublisher(EventStore eventStore, Producer<String, byte[]> eventProducer,
                                      KafkaProperties kafka, MeterRegistry meters) {
        return new EventRepublisher(eventStore, eventProducer, kafka.source(), EventJson.newMapper(),
                OWNED_AGGREGATE_TYPES, meters);
    }

    @Bean
    RepublishRequestConsumer republishRequestConsumer(KafkaProperties kafka, EventRepublisher eventRepublisher,
                                                      MeterRegistry meters) {
        return new RepublishRequestConsumer(kafka, "deal-service-republish", eventRepublisher, meters);
    }
}
