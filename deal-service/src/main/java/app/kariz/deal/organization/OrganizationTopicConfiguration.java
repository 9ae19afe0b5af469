package app.kariz.deal.organization;

import app.kariz.events.Topics;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.publish.KafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * Consumes the organisations topic ({@code kariz.organizations.v1}). Left out where Kafka is not configured, such
 * as tests without a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kariz.kafka", name = "bootstrap-servers")
class OrganizationTopicConfiguration {

    @Bean
    NewOrganizationPipelines newOrganizationPipelines(DefaultPipelineSeeder seeder,
                                                      @Value("${kariz.deal.directory-await-timeout:5s}")
                                                      Duration directoryTimeout) {
        return new NewOrganizationPipelines(seeder, directoryTimeout);
    }

    @Bean
    EventStreamConsumer organizationEventConsumer(KafkaProperties kafka, Admin admin,
                                                  NewOrganizationPipelines newOrganizationPipelines,
                                                  MeterRegistry meters) {
        return new EventStreamConsumer(kafka, admin, "deal-service-organizations", List.of(Topics.ORGANIZATIONS),
                newOrganizationPipelines, meters);
    }
}
