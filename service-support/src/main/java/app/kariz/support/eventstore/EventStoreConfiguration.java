package app.kariz.support.eventstore;

import app.kariz.support.json.EventJson;
import app.kariz.support.mongo.MongoConfiguration;
import app.kariz.support.mongo.MongoProperties;
import app.kariz.support.publish.KafkaConfiguration;
import app.kariz.support.publish.KafkaProperties;
import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.producer.Producer;
import app.kariz.support.web.RequestIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;

/**
 * Axon's event store in the service's own MongoDB database, and the outbox relay that publishes every stored
 * event to Kafka. Axon's auto-configuration wraps the storage engine in an embedded event store.
 */
@Configuration(proxyBeanMethods = false)
@Import({MongoConfiguration.class, KafkaConfiguration.class})
public class EventStoreConfiguration {

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    /**
     * Events are stored in the same JSON form they have on Kafka, so the store stays readable by people. Not a
     * bean: Axon expects to own the only serializer beans of a context.
     */
    private static Serializer storedEventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate) {
        Serializer serializer = storedEventSerializer();
        return MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(storedEventSerializer())
                .build();
    }

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(Producer<String, byte[]> eventProducer,
                                                   KafkaProperties properties, MeterRegistry meters) {
        return new KafkaEventPublisher(eventProducer, properties.source(), EventJson.newMapper(), meters);
    }

    /**
     * The publisher runs in a tracking processor over the event store, which makes the store the outbox. A
     * failed send must stop the processor (it retries with back-off) instead of being logged and skipped,
     * or the token would move past an event that never reached Kafka.
     */
    @Bean
    public ConfigurerModule kafkaPublisherProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    /** Stamps each command with the request that sent it; events inherit it through the provider below. */
    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> requestIdOnCommands() {
        return messages -> (index, command) -> {
            String requestId = MDC.get(RequestIds.MDC_KEY);
            return requestId == null || command.getMetaData().containsKey(RequestIds.MDC_KEY) ? command
                    : command.andMetaData(Map.of(RequestIds.MDC_KEY, requestId));
        };
    }

    @Bean
    public CorrelationDataProvider requestIdCorrelation() {
        return new SimpleCorrelationDataProvider(RequestIds.MDC_KEY);
    }

    /** Declared because a provider bean of ours switches Axon's default one off. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public InitializingBean capturePositionsOfPublishedEvents(EventStore eventStore) {
        return () -> eventStore.registerDispatchInterceptor(new WrittenPositions.Interceptor());
    }
}
