package app.kariz.gateway;

import app.kariz.gateway.routing.Service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code kariz.gateway.*}; the documented defaults live in {@code gateway.properties}.
 *
 * @param dealServiceUri     base URI of the deal service (pipelines, deal commands)
 * @param activityServiceUri base URI of the activity service (activity commands, activity types)
 * @param viewServiceUri     base URI of the pipeline view service (deal cards, timelines, boards)
 * @param consistencyWindow  how long a client's written positions are awaited by its later requests
 * @param positionsPerToken  at most this many aggregates are remembered per token
 */
@ConfigurationProperties("kariz.gateway")
public record GatewayProperties(URI dealServiceUri,
                                URI activityServiceUri,
                                URI viewServiceUri,
                                @DefaultValue("60s") Duration consistencyWindow,
                                @DefaultValue("1000") int positionsPerToken) {

    public URI uriOf(Service service) {
        return switch (service) {
            case DEAL -> dealServiceUri;
            case ACTIVITY -> activityServiceUri;
            case PIPELINE_VIEW -> viewServiceUri;
        };
    }
}
