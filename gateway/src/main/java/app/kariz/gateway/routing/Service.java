package app.kariz.gateway.routing;

/** Who answers an operation: a service behind the gateway, or the gateway itself. */
public enum Service {
    /** Organisations, users and tokens: the gateway keeps them and answers these operations itself. */
    GATEWAY("gateway"),
    DEAL("deal-service"),
    ACTIVITY("activity-service"),
    PIPELINE_VIEW("pipeline-view-service");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
