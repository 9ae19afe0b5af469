package app.kariz.gateway;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code kariz.gateway.*}; the documented defaults live in {@code gateway.properties}.
 *
 * @param dealServiceUri     base URI of the deal service (pipelines, deal commands)
 * @param activityServiceUri base URI of the activity service (activity commands, activity types)
 * @param viewServiceUri     base URI of the pipeline view service (deal cards, timelines, boards)
 * @param consistencyWindow  how long a client's written positions are awaited by its later requests
 * @param positionsPerToken  at most this many aggregates are remembered per token
 * @param rateLimit          the token bucket every bearer token gets
 * @param maxBodySize        a larger request body is a 413 problem and is not forwarded
 * @param cors               which browser origins may call the API
 */
@ConfigurationProperties("kariz.gateway")
public record GatewayProperties(URI dealServiceUri,
                                URI activityServiceUri,
                                URI viewServiceUri,
                                @DefaultValue("60s") Duration consistencyWindow,
                                @DefaultValue("1000") int positionsPerToken,
                                @DefaultValue RateLimit rateLimit,
                                @DefaultValue("256KB") DataSize maxBodySize,
                                @DefaultValue Cors cors) {

    public GatewayProperties {
        if (maxBodySize.isNegative()) {
            throw new IllegalArgumentException("kariz.gateway.max-body-size must not be negative");
        }
    }

    public URI uriOf(Service service) {
        return switch (service) {
            case DEAL -> dealServiceUri;
            case ACTIVITY -> activityServiceUri;
            case PIPELINE_VIEW -> viewServiceUri;
            case GATEWAY -> throw new IllegalArgumentException("The gateway answers its own operations");
        };
    }

    /**
     * {@code kariz.gateway.rate-limit.*}: each token's bucket holds {@code burst} requests and regains
     * {@code perSecond} of them every second.
     */
    public record RateLimit(@DefaultValue("20") long perSecond, @DefaultValue("100") long burst) {

        public RateLimit {
            if (perSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("kariz.gateway.rate-limit.per-second and .burst must be at least 1, "
                        + "not " + perSecond + " and " + burst);
            }
        }

        /** How long an emptied bucket takes to be full again, rounded up to the nanosecond. */
        public Duration timeToFill() {
            long burstNanos = Math.multiplyExact(burst, 1_000_000_000L);
            return Duration.ofNanos((burstNanos + perSecond - 1) / perSecond);
        }
    }

    /**
     * {@code kariz.gateway.cors.*}.
     *
     * @param allowedOrigins origins such as {@code https://crm.example.com}; none (the default) turns CORS off
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        }

        public boolean enabled() {
            return !allowedOrigins.isEmpty();
        }
    }
}
