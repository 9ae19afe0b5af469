package app.kariz.events;

import java.time.Instant;

/**
 * Asks the service that owns an aggregate to publish its events again, from {@code fromSequence} on, with the
 * same headers and payloads as the first time (the same {@code ce_id} included). Travels as JSON on
 * {@link Topics#REPUBLISH_REQUESTS}, keyed by {@code aggregateId}. Answering twice does no harm: consumers
 * de-duplicate by aggregate sequence.
 *
 * @param aggregateType as in {@code kariz_aggregatetype}: {@code deal}, {@code pipeline}, {@code activity} or
 *                      {@code activity-types}; a service ignores the types it does not own
 * @param aggregateId   as in {@code kariz_aggregateid}
 * @param fromSequence  the first sequence to publish again (the first one the requester is missing)
 * @param requestedBy   who asks, e.g. {@code pipeline-view-service}, for tracing
 * @param requestedAt   when it asked
 */
public record RepublishRequest(String aggregateType, String aggregateId, long fromSequence, String requestedBy,
                               Instant requestedAt) {
}
