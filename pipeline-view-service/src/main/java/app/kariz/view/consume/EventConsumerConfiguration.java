package app.kariz.view.consume;

import app.kariz.events.Topics;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.mongo.DurabilityBarrier;
import app.kariz.support.publish.KafkaConfiguration;
import app.kariz.support.publish.KafkaProperties;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.HealBackoff;
import app.kariz.view.consistency.HealRequests;
import app.kariz.view.consistency.InOrderStreams;
import app.kariz.view.consistency.OpenGaps;
import app.kariz.view.consistency.ParkedEvents;
import app.kariz.view.projection.PipelineViewProjection;
import app.kariz.view.rebuild.LiveApplyGate;
import app.kariz.view.stream.ChangeRecordingProjection;
import app.kariz.view.store.ViewCollections;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.util.List;

/**
 * Feeds the projection from Kafka, each stream in order ({@link InOrderStreams}), and heals gaps by asking the
 * owning services for missing events ({@link KafkaHealRequests}, {@link GapHealing}).
 * {@code kariz.view.consumer.enabled=false} leaves Kafka out entirely, e.g. for tests that apply events to the
 * projection themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kariz.view.consumer.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(HealProperties.class)
@Import(KafkaConfiguration.class)
class EventConsumerConfiguration {

    public static final String GROUP_ID = "pipeline-view";

    /** In the generation being served, like every read model (its indexes come with the generation's). */
    @Bean
    public ParkedEvents parkedEvents(ViewCollections collections, MeterRegistry meters) {
        ParkedEvents parked = new ParkedEvents(collections.parkedEvents());
        Gauge.builder("kariz.view.events.waiting", parked, ParkedEvents::count)
                .description("Events parked until a gap before them in their stream is filled")
                .register(meters);
        return parked;
    }

    @Bean
    public OpenGaps openGaps(ViewCollections collections, MeterRegistry meters) {
        OpenGaps gaps = new OpenGaps(collections.streamGaps());
        Gauge.builder("kariz.view.gaps.open", gaps, OpenGaps::count)
                .description("Streams waiting for missing events to be published again")
                .register(meters);
        return gaps;
    }

    @Bean
    public HealBackoff healBackoff(HealProperties properties) {
        return new HealBackoff(properties.firstRetry(), properties.maxRetry());
    }

    @Bean
    public HealRequests healRequests(Producer<String, byte[]> eventProducer,
                                     @Value("${spring.application.name}") String requestedBy, Clock clock,
                                     MeterRegistry meters) {
        return new KafkaHealRequests(eventProducer, requestedBy, clock, meters);
    }

    @Bean
    public InOrderStreams inOrderStreams(PipelineViewProjection projection, AppliedPositions positions,
                                         ParkedEvents parkedEvents, OpenGaps openGaps, HealRequests healRequests,
                                         HealBackoff healBackoff, Clock clock, MeterRegistry meters) {
        return new InOrderStreams(projection, positions, parkedEvents, openGaps, healRequests, healBackoff, clock,
                meters);
    }

    @Bean
    GapHealing gapHealing(OpenGaps openGaps, AppliedPositions positions, HealRequests healRequests,
                          HealBackoff healBackoff, HealProperties properties, Clock clock) {
        return new GapHealing(openGaps, positions, healRequests, healBackoff, properties.checkEvery(), clock);
    }

    /**
     * Each event is applied inside the gate a rebuild switches generations in, never during an event. The view's
     * writes do not wait for the disk ({@link ViewCollections#in}); at the end of each poll the projection writes
     * what it held (board changes, applied positions), and one barrier makes it all durable before Kafka forgets
     * the poll's events.
     */
    @Bean
    public EventStreamConsumer pipelineViewConsumer(KafkaProperties kafka, Admin kafkaAdmin,
                                                    InOrderStreams inOrderStreams, LiveApplyGate gate,
                                                    ChangeRecordingProjection projection, MongoDatabase database,
                                                    Clock clock, MeterRegistry meters) {
        DurabilityBarrier barrier = new DurabilityBarrier(database, GROUP_ID, clock);
        return new EventStreamConsumer(kafka, kafkaAdmin, GROUP_ID,
                List.of(Topics.DEALS, Topics.ACTIVITIES, Topics.PIPELINES), gate.guarding(inOrderStreams), meters,
                () -> {
                    projection.writeHeld();
                    barrier.run();
                });
    }
}
