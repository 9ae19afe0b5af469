package app.kariz.events.deal;

import java.time.Instant;

public record DealLost(String organizationId, String dealId, String reason, Instant lostAt, String lostBy)
        implements DealEvent {
}
