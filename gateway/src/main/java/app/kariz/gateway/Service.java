package app.kariz.gateway;

/** Who answers an operation: a service behind the gateway, or the gateway itself. */
public enum Service {
    /** Organisations, users and tokens: the gateway keeps them and answers these operations itself. */
    GATEWAY("gateway"),
    DEAL("deal-service"),
    ACTIVITY("activity-service"),
    PIPELINE_VIEW("pipeline-view-service");

    /** The key of a route's metadata naming the service it goes to, for answers about that service. */
    public static final String ROUTE_METADATA = "kariz.service";

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
