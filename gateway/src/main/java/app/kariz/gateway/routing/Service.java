package app.kariz.gateway.routing;

/** The services behind the gateway. */
public enum Service {
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
