package app.kariz.view.consume;

import app.kariz.events.Topics;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.publish.KafkaConfiguration;
import app.kariz.support.publish.KafkaProperties;
import app.kariz.view.projection.PipelineViewProjection;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * Feeds the projection from Kafka. {@code kariz.view.consumer.enabled=false} leaves Kafka out entirely, e.g.
 * for tests that apply events to the projection themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kariz.view.consumer.enabled", havingValue = "true", matchIfMissing = true)
@Import(KafkaConfiguration.class)
public class EventConsumerConfiguration {

    public static final String GROUP_ID = "pipeline-view";

    @Bean
    public EventStreamConsumer pipelineViewConsumer(KafkaProperties kafka, Admin kafkaAdmin,
                                                    PipelineViewProjection projection, MeterRegistry meters) {
        return new EventStreamConsumer(kafka, kafkaAdmin, GROUP_ID,
                List.of(Topics.DEALS, Topics.ACTIVITIES, Topics.PIPELINES), projection, meters);
    }
}
