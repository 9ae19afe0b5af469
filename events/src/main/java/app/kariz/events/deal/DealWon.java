package app.kariz.events.deal;

import java.time.Instant;

public record DealWon(String organizationId, String dealId, Instant wonAt, String wonBy) implements DealEvent {
}
