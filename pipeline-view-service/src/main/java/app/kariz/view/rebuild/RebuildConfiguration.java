package app.kariz.view.rebuild;

import app.kariz.support.publish.KafkaProperties;
import app.kariz.view.ViewProperties;
import app.kariz.view.consistency.HealBackoff;
import app.kariz.view.store.ViewGenerations;
import app.kariz.view.stream.BoardChangeLog;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Rebuilding the view from the topics. Like the live consumer it needs Kafka, so it is there only when the
 * consumer is ({@code kariz.view.consumer.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kariz.view.consumer.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RebuildProperties.class)
class RebuildConfiguration {

    /** The live consumer applies every event through it ({@code EventConsumerConfiguration}). */
    @Bean
    public LiveApplyGate liveApplyGate(ViewGenerations generations) {
        return new LiveApplyGate(generations);
    }

    @Bean
    public ViewRebuilds viewRebuilds(MongoDatabase mongoDatabase, ViewGenerations generations, LiveApplyGate gate,
                                     BoardChangeLog boardChanges, KafkaProperties kafka, RebuildProperties properties,
                                     ViewProperties viewProperties, HealBackoff healBackoff, Clock clock,
                                     MeterRegistry meters) {
        RebuildRecords records = new RebuildRecords(mongoDatabase, generations);
        Counter eventsApplied = Counter.builder("kariz.view.rebuild.events.applied")
                .description("Events a rebuild of the view applied into its new generation")
                .register(meters);
        return new ViewRebuilds(generations, records, properties, clock, meters, rebuilds -> new ViewRebuild.Tools(
                generations, records, gate, boardChanges, kafka.bootstrapServers(), properties,
                viewProperties.awaitRecheck(), healBackoff, clock, eventsApplied, rebuilds::stopping));
    }
}
