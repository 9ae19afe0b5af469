package app.kariz.support.consume;

import app.kariz.support.publish.KafkaProperties.Retry;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a consumer does with one record: decode it and hand it to the handler. A record that cannot be decoded,
 * or that the handler fails on {@link Retry#maxAttempts()} times (waiting in between), is a poison record: it
 * goes to the dead-letter topic and the consumer moves on, so one bad record does not stop every other deal.
 * A failure that is an outage of MongoDB says nothing about the record and would hit every record alike, so
 * it is retried for as long as it lasts instead. A handler that returns normally has dealt with the record,
 * whatever it did with it (applied it, skipped a duplicate, or set it aside until a gap before it is filled).
 */
final class RecordApplier {

    enum Outcome { APPLIED, NOT_AN_EVENT, DEAD_LETTERED, STOPPED }

    /** Waits between attempts; a test passes one that does not. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(RecordApplier.class);

    private final EventDecoder decoder;
    private final ConsumedEventHandler handler;
    private final DeadLetters deadLetters;
    private final Retry retry;
    private final String groupId;
    private final MeterRegistry meters;
    private final BooleanSupplier running;
    private final Pause pause;

    RecordApplier(EventDecoder decoder, ConsumedEventHandler handler, DeadLetters deadLetters, Retry retry,
                  String groupId, MeterRegistry meters, BooleanSupplier running, Pause pause) {
        this.decoder = decoder;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.groupId = groupId;
        this.meters = meters;
        this.running = running;
        this.pause = pause;
    }

    Outcome apply(ConsumerRecord<String, byte[]> record) {
        ConsumedEvent event;
        try {
            Optional<ConsumedEvent> decoded = decoder.decode(record);
            if (decoded.isEmpty()) {
                return Outcome.NOT_AN_EVENT;
            }
            event = decoded.get();
        } catch (IOException poison) {
            meters.counter("kariz.events.undecodable", "topic", record.topic()).increment();
            log.error("Dead-lettering an undecodable record of {}/{}@{}", record.topic(), record.partition(),
                    record.offset(), poison);
            return deadLetter(record, poison);
        }
        int failures = 0;
        int outages = 0;
        while (running.getAsBoolean()) {
            try {
                handler.handle(event);
                meters.counter("kariz.events.applied", "consumer", groupId, "type", event.ceType()).increment();
                return Outcome.APPLIED;
            } catch (RuntimeException e) {
                boolean outage = isOutage(e);
                if (outage) {
                    outages++;
                } else if (++failures >= retry.maxAttempts()) {
                    log.error("Dead-lettering {} at {} ({}/{}@{}): it failed {} times", event.ceType(),
                            event.position(), record.topic(), record.partition(), record.offset(), failures, e);
                    return deadLetter(record, e);
                }
                meters.counter("kariz.events.retried", "consumer", groupId).increment();
                Duration backoff = retry.backoffAfter(outage ? outages : failures);
                log.warn("Applying {} at {} failed{}, retrying in {} ms", event.ceType(), event.position(),
                        outage ? " (MongoDB unavailable)" : "", backoff.toMillis(), e);
                if (!pauseFor(backoff)) {
                    return Outcome.STOPPED;
                }
            }
        }
        return Outcome.STOPPED;
    }

    /** Keeps trying until the dead letter is on its topic: moving on without it would lose the record. */
    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        int failures = 0;
        while (running.getAsBoolean()) {
            try {
                deadLetters.send(record, error);
                return Outcome.DEAD_LETTERED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.STOPPED;
            } catch (Exception e) {
                failures++;
                log.warn("Could not dead-letter {}/{}@{}, retrying", record.topic(), record.partition(),
                        record.offset(), e);
                if (!pauseFor(retry.backoffAfter(failures))) {
                    return Outcome.STOPPED;
                }
            }
        }
        return Outcome.STOPPED;
    }

    private boolean pauseFor(Duration backoff) {
        try {
            pause.pause(backoff);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** MongoDB unreachable, failing over or overloaded: any record would fail now, and may succeed later. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoServerUnavailableException
                    || cause instanceof MongoConnectionPoolClearedException
                    || cause instanceof MongoInterruptedException) {
                return true;
            }
        }
        return false;
    }
}
