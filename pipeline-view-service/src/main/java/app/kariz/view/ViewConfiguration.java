package app.kariz.view;

import app.kariz.view.activity.Activities;
import app.kariz.view.agenda.Agendas;
import app.kariz.view.board.Boards;
import app.kariz.view.card.DealCards;
import app.kariz.view.card.RottingRule;
import app.kariz.view.consistency.AppliedPositions;
import app.kariz.view.consistency.AwaitAppliedPositions;
import app.kariz.view.deallist.DealList;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.pipeline.Pipelines;
import app.kariz.view.store.PinGenerationPerRequest;
import app.kariz.view.store.ViewCollections;
import app.kariz.view.store.ViewGenerations;
import app.kariz.view.stream.BoardChangeLog;
import app.kariz.view.stream.ChangeRecordingProjection;
import app.kariz.view.timeline.Timelines;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** The read models, the projection that writes them and the queries that read them, wired by hand. */
@Configuration(proxyBeanMethods = false)
class ViewConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ViewGenerations viewGenerations(MongoDatabase mongoDatabase, ViewProperties properties) {
        return new ViewGenerations(mongoDatabase, properties.generationRefresh());
    }

    /**
     * The collections of the generation being served, whichever that is at the moment of each call (see
     * {@link ViewGenerations}). Indexes are created before anything reads or the consumer (a lifecycle bean,
     * started last) writes.
     */
    @Bean
    public ViewCollections viewCollections(ViewGenerations generations) {
        ViewCollections collections = generations.routed();
        collections.createIndexes();
        return collections;
    }

    /**
     * Fed from Kafka, the projection writes the positions and board changes of a poll's events together (up to
     * this many at once) before the poll's offsets are committed; applied by hand (consumer disabled, as in
     * tests), each as its event is applied.
     */
    static final int EVENTS_WRITTEN_AT_ONCE = 32;

    @Bean
    public AppliedPositions appliedPositions(ViewCollections collections, ViewProperties properties,
                                             MeterRegistry meters,
                                             @Value("${kariz.view.consumer.enabled:true}") boolean consumed) {
        AppliedPositions positions = consumed
                ? AppliedPositions.heldUntilWritten(collections.positions(), properties.awaitRecheck())
                : new AppliedPositions(collections.positions(), properties.awaitRecheck());
        Gauge.builder("kariz.view.await.waiting", positions, AppliedPositions::waiting)
                .description("Reads waiting for their own writes to be applied")
                .register(meters);
        return positions;
    }

    /** Also records which boards each event changed, for the live board streams and the kept board counts. */
    @Bean
    public ChangeRecordingProjection pipelineViewProjection(ViewCollections collections, AppliedPositions positions,
                                                            BoardChangeLog boardChanges) {
        return positions.holds()
                ? ChangeRecordingProjection.inBatches(collections, positions, boardChanges, EVENTS_WRITTEN_AT_ONCE)
                : new ChangeRecordingProjection(collections, positions, boardChanges);
    }

    @Bean
    public IndicatorRule indicatorRule(Clock clock) {
        return new IndicatorRule(clock);
    }

    @Bean
    public RottingRule rottingRule(Clock clock) {
        return new RottingRule(clock);
    }

    @Bean
    public Pipelines pipelines(ViewCollections collections) {
        return new Pipelines(collections.pipelines());
    }

    @Bean
    public DealCards dealCards(ViewCollections collections, IndicatorRule indicatorRule, RottingRule rottingRule,
                               Pipelines pipelines) {
        return new DealCards(collections.dealCards(), indicatorRule, rottingRule, pipelines);
    }

    /** A board's counts are kept in memory and brought up to date from the change log on each read. */
    @Bean
    public Boards boards(ViewCollections collections, DealCards dealCards, Pipelines pipelines,
                         BoardChangeLog changeLog, ViewGenerations generations) {
        return new Boards(collections.dealCards(), dealCards, pipelines, changeLog, generations::current);
    }

    @Bean
    public Timelines timelines(ViewCollections collections, Pipelines pipelines, IndicatorRule indicatorRule) {
        return new Timelines(collections, pipelines, indicatorRule);
    }

    @Bean
    public DealList dealList(ViewCollections collections, DealCards dealCards, Pipelines pipelines) {
        return new DealList(collections.dealCards(), dealCards, pipelines);
    }

    @Bean
    public Agendas agendas(ViewCollections collections, IndicatorRule indicatorRule) {
        return new Agendas(collections, indicatorRule);
    }

    @Bean
    public Activities activities(ViewCollections collections, IndicatorRule indicatorRule) {
        return new Activities(collections, indicatorRule);
    }

    /**
     * A read first waits for its own writes, then is pinned to the generation served when it first reads the view,
     * so a switch to a rebuilt view while it waited is seen, and one while it reads is not.
     */
    @Bean
    public WebMvcConfigurer awaitAppliedPositionsBeforeReads(AppliedPositions positions,
                                                             ViewProperties properties,
                                                             ViewGenerations generations) {
        AwaitAppliedPositions interceptor = new AwaitAppliedPositions(positions, properties.awaitTimeout());
        PinGenerationPerRequest pinning = new PinGenerationPerRequest(generations);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/api/**");
                registry.addInterceptor(pinning).addPathPatterns("/api/**");
            }
        };
    }
}
