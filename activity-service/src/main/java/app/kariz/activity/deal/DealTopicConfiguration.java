package app.kariz.activity.deal;

import app.kariz.events.Topics;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.publish.KafkaProperties;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class DealTopicConfiguration {

    @Bean
    KnownDeals knownDeals(MongoDatabase database) {
        return new KnownDeals(database);
    }

    @Bean
    EventStreamConsumer dealEventConsumer(KafkaProperties kafka, Admin admin, KnownDeals knownDeals,
                                          MeterRegistry meters) {
        return new EventStreamConsumer(kafka, admin, "activity-service-deals", List.of(Topics.DEALS), knownDeals,
                meters);
    }

    @Bean
    DealLookup dealLookup(KnownDeals knownDeals, EventStreamConsumer dealEventConsumer,
                          @Value("${kariz.activity.deal-await-timeout:5s}") Duration timeout) {
        return new DealLookup(knownDeals, dealEventConsumer, timeout);
    }
}
