package app.kariz.view;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param awaitTimeout the longest a read waits for the positions named in {@code Kariz-Await} before it
 *                     answers anyway, marked {@code Kariz-Stale: true}
 * @param awaitRecheck how often a waiting read looks at MongoDB again even without a signal from this
 *                     instance's consumer, since another instance of the service may have applied the events
 * @param generationRefresh how long an instance trusts the view generation it last read before reading the
 *                          pointer again: the longest it goes on serving the old generation after another instance
 *                          switched to a rebuilt one ({@code kariz.view.generation-refresh}, default 200ms)
 */
@ConfigurationProperties("kariz.view")
public record ViewProperties(@DefaultValue("5s") Duration awaitTimeout,
                             @DefaultValue("100ms") Duration awaitRecheck,
                             @DefaultValue("200ms") Duration generationRefresh) {
}
