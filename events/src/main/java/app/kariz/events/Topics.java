package app.kariz.events;

/** Kafka topic names. The version suffix changes only with an incompatible payload change. */
public final class Topics {
    public static final String DEALS = "kariz.deals.v1";
    public static final String ACTIVITIES = "kariz.activities.v1";
    public static final String PIPELINES = "kariz.pipelines.v1";
    public static final String ACTIVITY_TYPES = "kariz.activity-types.v1";
    /** Organisations, published by the gateway, which keeps organisations, users and their tokens. */
    public static final String ORGANIZATIONS = "kariz.organizations.v1";
    /**
     * Requests to publish an aggregate's events again ({@link RepublishRequest}), keyed by aggregate id. A consumer
     * that finds a gap in a stream sends one; the service that owns the aggregate answers by publishing the
     * stream's events again, from the missing sequence on, to their usual topic.
     */
    public static final String REPUBLISH_REQUESTS = "kariz.republish-requests.v1";

    private Topics() {
    }
}
