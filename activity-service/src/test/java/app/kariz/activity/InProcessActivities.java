package app.kariz.activity;

import app.kariz.activity.command.Activity;
import app.kariz.activity.deal.DealActivities;
import app.kariz.activity.type.ActivityTypes;
import app.kariz.support.eventstore.EventStoreConfiguration;
import app.kariz.support.json.EventJson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.List;

/**
 * The activity service's write side without Spring: the {@link Activity} aggregate on Axon's Mongo event store
 * (in an in-process MongoDB), with the {@link DealActivities} projection registered the way the service
 * registers it, and the capture of written positions the web layer answers with.
 */
public final class InProcessActivities implements AutoCloseable {

    private final Configuration axon;

    private InProcessActivities(Configuration axon) {
        this.axon = axon;
    }

    public static InProcessActivities start(InProcessMongo mongo, String databaseName,
                                            DealActivities dealActivities) {
        mongo.freshDatabase(databaseName);
        Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo.client(), databaseName)
                                .build())
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .build())
                .configureAggregate(Activity.class)
                .registerComponent(ActivityTypes.class, c -> new ActivityTypes())
                .eventProcessing(processing -> {
                    processing.registerEventHandler(c -> dealActivities);
                    DealActivities.registerProcessing(processing);
                })
                .start();
        try {
            new EventStoreConfiguration().capturePositionsOfPublishedEvents(axon.eventStore()).afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new InProcessActivities(axon);
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    public EventStore eventStore() {
        return axon.eventStore();
    }

    /** The payloads of an activity's stored events, oldest first. */
    public List<Object> eventsOf(String activityId) {
        return eventStore().readEvents(activityId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
