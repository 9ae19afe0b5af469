package app.kariz.support.consume;

import app.kariz.events.KarizEvent;
import app.kariz.events.Position;

import java.time.Instant;

/** One event read from Kafka with the envelope the projections need for idempotence and ordering. */
public record ConsumedEvent(String eventId, String ceType, Position position, Instant time, String correlationId,
                            KarizEvent payload) {
}
