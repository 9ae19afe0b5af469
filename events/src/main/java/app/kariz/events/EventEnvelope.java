package app.kariz.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the headers of one event's Kafka record say ({@link EventHeaders}: CloudEvents 1.0 binary content mode plus
 * Kariz's extensions), written by every producer of event records through {@link #headers()}, so the topics'
 * headers are built in one place.
 *
 * @param id             the event's id ({@code ce_id}): the de-duplication key
 * @param source         the producing service ({@code ce_source}, e.g. {@code /kariz/deal-service})
 * @param type           the versioned type name ({@code ce_type}, e.g. {@code kariz.deal.opened.v1})
 * @param time           when the event happened ({@code ce_time})
 * @param subject        the record key: the deal, pipeline or organisation ({@code ce_subject})
 * @param position       the aggregate and the event's sequence in it
 * @param correlationId  the request that caused it, across services; null when there is none
 * @param requestId      the public API request ({@code X-Request-Id}) that caused it; null when none did
 */
public record EventEnvelope(String id, String source, String type, Instant time, String subject, Position position,
                            String organizationId, String correlationId, String requestId) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    /** The headers in the order they are written; the correlation and request ids only when there are. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.SPEC_VERSION, SPEC_VERSION);
        headers.put(EventHeaders.ID, id);
        headers.put(EventHeaders.SOURCE, source);
        headers.put(EventHeaders.TYPE, type);
        headers.put(EventHeaders.TIME, time.toString());
        headers.put(EventHeaders.SUBJECT, subject);
        headers.put(EventHeaders.CONTENT_TYPE, CONTENT_TYPE);
        headers.put(EventHeaders.AGGREGATE_TYPE, position.aggregateType());
        headers.put(EventHeaders.AGGREGATE_ID, position.aggregateId());
        headers.put(EventHeaders.SEQUENCE, Long.toString(position.sequence()));
        headers.put(EventHeaders.ORGANIZATION_ID, organizationId);
        if (correlationId != null) {
            headers.put(EventHeaders.CORRELATION_ID, correlationId);
        }
        if (requestId != null) {
            headers.put(EventHeaders.REQUEST_ID, requestId);
        }
        return headers;
    }
}
