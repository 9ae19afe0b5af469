package app.kariz.view.consume;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the view asks for events missing from a stream.
 *
 * @param firstRetry how long after a request for missing events it is sent again if they still have not
 *                   arrived ({@code kariz.view.heal.first-retry}, default 5s); the wait doubles each time
 * @param maxRetry   the longest wait between two requests for the same gap ({@code kariz.view.heal.max-retry},
 *                   default 5m)
 * @param checkEvery how often open gaps are looked at for requests that are due
 *                   ({@code kariz.view.heal.check-every}, default 1s)
 */
@ConfigurationProperties("kariz.view.heal")
public record HealProperties(@DefaultValue("5s") Duration firstRetry,
                             @DefaultValue("5m") Duration maxRetry,
                             @DefaultValue("1s") Duration checkEvery) {
}
