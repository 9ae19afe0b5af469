package app.kariz.activity;

import app.kariz.activity.command.Activity;
import app.kariz.activity.deal.DealActivities;
import app.kariz.activity.type.command.ActivityTypeCatalog;
import app.kariz.activity.type.command.ActivityTypes;
import app.kariz.activity.type.directory.ActivityTypeDirectory;
import app.kariz.support.eventstore.EventStoreConfiguration;
import app.kariz.support.json.EventJson;
import app.kariz.testing.mongo.InProcessMongo;
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
 * The activity service's write side without Spring: the {@link Activity} and {@link ActivityTypeCatalog}
 * aggregates on Axon's Mongo event store (in an in-process MongoDB), with the {@link DealActivities} and
 * {@link ActivityTypeDirectory} projections registered the way the service registers them (the latter kept in the
 * event store's database), and the capture of written positions the web layer answers with.
 */
public final class InProcessActivities implements AutoCloseable {

    private final Configuration axon;
    private final ActivityTypeDirectory activityTypes;

    private InProcessActivities(Configuration axon, ActivityTypeDirectory activityTypes) {
        this.axon = axon;
        this.activityTypes = activityTypes;
    }

    public static InProcessActivities start(InProcessMongo mongo, String databaseName,
                                            DealActivities dealActivities) {
        ActivityTypeDirectory activityTypes = new ActivityTypeDirectory(mongo.freshDatabase(databaseName));
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
                .configureAggregate(ActivityTypeCatalog.class)
                .registerComponent(ActivityTypes.class, c -> activityTypes)
                .eventProcessing(processing -> {
                    processing.registerEventHandler(c -> dealActivities);
                    DealActivities.registerProcessing(processing);
                    processing.registerEventHandler(c -> activityTypes);
                    ActivityTypeDirectory.registerProcessing(processing);
                })
                .start();
        try {
            new EventStoreConfiguration().capturePositionsOfPublishedEvents(axon.eventStore()).afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new InProcessActivities(axon, activityTypes);
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    public EventStore eventStore() {
        return axon.eventStore();
    }

    /** The activity types projection, which the aggregates check types against. */
    public ActivityTypeDirectory activityTypes() {
        return activityTypes;
    }

    /** The payloads of an aggregate's stored events, oldest first. */
    public List<Object> eventsOf(String aggregateId) {
        return eventStore().readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
