package app.kariz.events;

/** Kafka topic names. The version suffix changes only with an incompatible payload change. */
public final class Topics {
    public static final String DEALS = "kariz.deals.v1";
    public static final String ACTIVITIES = "kariz.activities.v1";
    public static final String PIPELINES = "kariz.pipelines.v1";
    public static final String ACTIVITY_TYPES = "kariz.activity-types.v1";

    private Topics() {
    }
}
