package app.kariz.support.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The {@link RelayAudit}'s schedule and reach.
 *
 * @param enabled     whether the audit runs ({@code kariz.relay.audit.enabled}, default true)
 * @param interval    time between two audits ({@code kariz.relay.audit.interval}, default 30s)
 * @param window      how far back, by event timestamp, each audit looks ({@code kariz.relay.audit.window}, default
 *                    10m): an event committed later than this after its timestamp is out of the audit's reach
 * @param settleDelay how old an event must be before the audit judges it ({@code kariz.relay.audit.settle-delay},
 *                    default 5s); longer than the event store's tracking look-back (1s), so the relay has had its
 *                    chance to publish it first
 */
@ConfigurationProperties("kariz.relay.audit")
public record RelayAuditProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("30s") Duration interval,
                                   @DefaultValue("10m") Duration window,
                                   @DefaultValue("5s") Duration settleDelay) {

    public RelayAuditProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("kariz.relay.audit.interval must be positive");
        }
        if (window.compareTo(settleDelay) <= 0) {
            throw new IllegalArgumentException("kariz.relay.audit.window must be longer than its settle-delay");
        }
    }
}
