package app.kariz.view.stream;

import app.kariz.view.card.DealCards;
import app.kariz.view.indicator.IndicatorRule;
import app.kariz.view.store.ViewCollections;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The live board streams, wired by hand like the rest of the view. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfiguration {

    /** Written by the projection ({@link ChangeRecordingProjection}), read by the streams. */
    @Bean
    public BoardChangeLog boardChangeLog(MongoDatabase mongoDatabase) {
        return BoardChangeLog.in(mongoDatabase);
    }

    /** Cards are read through the collections the view serves at the time. */
    @Bean
    public BoardStreams boardStreams(BoardChangeLog boardChangeLog, ViewCollections collections, DealCards dealCards,
                                     IndicatorRule indicatorRule, ObjectMapper objectMapper,
                                     StreamProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService sender = Executors.newFixedThreadPool(properties.senderThreads(), runnable -> {
            Thread thread = new Thread(runnable, "board-streams-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new BoardStreams(boardChangeLog, new BoardUpdates(collections::dealCards, dealCards, objectMapper),
                new IndicatorTurns(collections::dealCards), indicatorRule, properties, sender);
    }

    @Bean
    public StreamPolling streamPolling(BoardStreams streams, StreamProperties properties, MeterRegistry meters) {
        Gauge.builder("kariz.view.streams.open", streams, BoardStreams::openStreams)
                .description("Live board streams this instance serves")
                .register(meters);
        return new StreamPolling(streams, properties);
    }
}
