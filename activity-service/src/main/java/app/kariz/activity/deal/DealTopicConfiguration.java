package app.kariz.activity.deal;

import app.kariz.events.Topics;
import app.kariz.support.consume.ConsumedEventHandler;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.mongo.DurabilityBarrier;
import app.kariz.support.publish.KafkaProperties;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class DealTopicConfiguration {

    @Bean
    KnownDeals knownDeals(MongoDatabase database) {
        return new KnownDeals(database);
    }

    @Bean
    DealActivities dealActivities(MongoDatabase database) {
        DealActivities activities = new DealActivities(database);
        activities.createIndexes();
        return activities;
    }

    @Bean
    ConfigurerModule dealActivitiesProcessing() {
        return configurer -> DealActivities.registerProcessing(configurer.eventProcessing());
    }

    @Bean
    DealDeletionCascade dealDeletionCascade(DealActivities dealActivities, KnownDeals knownDeals,
                                            CommandGateway commandGateway, Clock clock) {
        return new DealDeletionCascade(dealActivities, knownDeals, commandGateway, clock);
    }

    /**
     * Known deals first: once a deletion is recorded there, no activity is scheduled on the deal any more, and
     * only then does the cascade look for the deal's open activities.
     */
    @Bean
    EventStreamConsumer dealEventConsumer(KafkaProperties kafka, Admin admin, KnownDeals knownDeals,
                                          DealDeletionCascade dealDeletionCascade, MongoDatabase database,
                                          Clock clock, MeterRegistry meters) {
        ConsumedEventHandler dealEvents = event -> {
            knownDeals.handle(event);
            dealDeletionCascade.handle(event);
        };
        String group = "activity-service-deals";
        return new EventStreamConsumer(kafka, admin, group, List.of(Topics.DEALS), dealEvents, meters,
                new DurabilityBarrier(database, group, clock));
    }

    @Bean
    DealLookup dealLookup(KnownDeals knownDeals, EventStreamConsumer dealEventConsumer,
                          @Value("${kariz.activity.deal-await-timeout:5s}") Duration timeout) {
        return new DealLookup(knownDeals, dealEventConsumer, timeout);
    }
}
