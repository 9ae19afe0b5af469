package app.kariz.events;

/**
 * Kafka record headers on every event: CloudEvents 1.0 binary content mode plus Kariz's own extensions.
 * The record value is the event record as JSON; the key is the deal (or pipeline) id.
 */
public final class EventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Aggregate type in lower case: {@code deal}, {@code activity} or {@code pipeline}. */
    public static final String AGGREGATE_TYPE = "kariz_aggregatetype";
    public static final String AGGREGATE_ID = "kariz_aggregateid";
    /** Sequence number of the event within its aggregate, starting at 0 and without gaps. */
    public static final String SEQUENCE = "kariz_sequence";
    public static final String ORGANIZATION_ID = "kariz_organizationid";
    /** The request that caused the event, for tracing across services. */
    public static final String CORRELATION_ID = "kariz_correlationid";
    /** The public API request ({@code X-Request-Id}) that caused the event, when one did. */
    public static final String REQUEST_ID = "kariz_requestid";

    private EventHeaders() {
    }
}
