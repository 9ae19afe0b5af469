package app.kariz.activity.republish;

import app.kariz.activity.type.command.ActivityTypeCatalog;
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
 * Answers requests to publish an activity's or an organisation's activity types' events again (a consumer found
 * a gap in its stream), from this service's event store. Left out where Kafka is not configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kariz.kafka", name = "bootstrap-servers")
class RepublishConfiguration {

    /** The aggregate types whose events this service stores and publishes. */
    static final Set<String> OWNED_AGGREGATE_TYPES = Set.of("activity", ActivityTypeCatalog.AGGREGATE_TYPE);

    @Bean
    EventRepublisher eventRepublisher(EventStore eventStore, Producer<String, byte[]> eventProducer,
                                      KafkaProperties kafka, MeterRegistry meters) {
        return new EventRepublisher(eventStore, eventProducer, kafka.source(), EventJson.newMapper(),
                OWNED_AGGREGATE_TYPES, meters);
    }

    @Bean
    RepublishRequestConsumer republishRequestConsumer(KafkaProperties kafka, EventRepublisher eventRepublisher,
                                                      MeterRegistry meters) {
        return new RepublishRequestConsumer(kafka, "activity-service-republish", eventRepublisher, meters);
    }
}
