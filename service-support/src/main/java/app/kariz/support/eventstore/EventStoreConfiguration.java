package app.kariz.support.eventstore;

import app.kariz.contract.request.RequestId;
import app.kariz.support.json.EventJson;
import app.kariz.support.mongo.MongoConfiguration;
import app.kariz.support.mongo.MongoProperties;
import app.kariz.support.publish.KafkaConfiguration;
import app.kariz.support.publish.KafkaProperties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Axon's event store in the service's own MongoDB database, the outbox relay that publishes every stored
 * event to Kafka, and the audit that catches what the relay skipped. Axon's auto-configuration wraps the storage
 * engine in an embedded event store.
 */
@Configuration(proxyBeanMethods = false)
@Import({MongoConfiguration.class, KafkaConfiguration.class})
@EnableConfigurationProperties(RelayAuditProperties.class)
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    /**
     * How far before its latest position a tracking processor re-reads the store for late commits. axon-mongo's
     * default, set here explicitly because the {@link RelayAudit} must use the same value.
     */
    public static final Duration TRACKING_LOOK_BACK = Duration.ofSeconds(1);

    /** Events per tracking batch: large enough to amortise a token update, small enough to answer writers soon. */
    static final int TRACKING_BATCH = 32;

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
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(),
                        TRACKING_LOOK_BACK))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate) {
        return MongoTokenStore.builder().mongoTemplate(new UnjournaledTokens(axonMongoTemplate))
                .serializer(storedEventSerializer()).build();
    }

    @Bean
    public PublishedHeads publishedHeads(MongoDatabase mongoDatabase) {
        return new PublishedHeads(mongoDatabase);
    }

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(Producer<String, byte[]> eventProducer,
                                                   KafkaProperties properties, PublishedHeads publishedHeads,
                                                   MeterRegistry meters) {
        return new KafkaEventPublisher(eventProducer, properties.source(), EventJson.newMapper(), publishedHeads,
                meters);
    }

    /**
     * Republishes through the service's {@link EventRepublisher} (declared by each service with the aggregate
     * types it owns); a context without one gets an audit that never starts, and says so.
     */
    @Bean
    public RelayAudit relayAudit(ObjectProvider<EventRepublisher> eventRepublisher, MongoTemplate axonMongoTemplate,
                                 PublishedHeads publishedHeads, ObjectProvider<EventProcessingConfiguration> processing,
                                 RelayAuditProperties properties, ObjectProvider<Clock> clock, MeterRegistry meters) {
        EventRepublisher republisher = eventRepublisher.getIfAvailable();
        RelayAuditProperties effective = properties;
        if (republisher == null && properties.enabled()) {
            log.warn("No EventRepublisher in this context: the relay audit is off");
            effective = new RelayAuditProperties(false, properties.interval(), properties.window(),
                    properties.settleDelay());
        }
        return new RelayAudit(axonMongoTemplate.eventCollection(), publishedHeads, republisher,
                RelayPosition.of(processing::getObject), TRACKING_LOOK_BACK, effective,
                clock.getIfAvailable(Clock::systemUTC), meters);
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

    /**
     * Every tracking processor of the service (the relay, the directories) takes up to {@link #TRACKING_BATCH}
     * events per unit of work, so a burst costs one token update and one claim per batch rather than per event;
     * when events come one at a time, batches are of one and nothing waits. Every handler tolerates a batch being
     * applied again after a failure: updates are guarded by the event's sequence, publishing is at-least-once.
     */
    @Bean
    public ConfigurerModule batchedTrackingProcessors() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(c ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(TRACKING_BATCH));
    }

    /** Stamps each command with the request that sent it; events inherit it through the provider below. */
    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> requestIdOnCommands() {
        return messages -> (index, command) -> {
            String requestId = MDC.get(RequestId.MDC_KEY);
            return requestId == null || command.getMetaData().containsKey(RequestId.MDC_KEY) ? command
                    : command.andMetaData(Map.of(RequestId.MDC_KEY, requestId));
        };
    }

    @Bean
    public CorrelationDataProvider requestIdCorrelation() {
        return new SimpleCorrelationDataProvider(RequestId.MDC_KEY);
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
