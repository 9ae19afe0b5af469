package app.kariz.events.deal;

import java.time.Instant;

/** The deal is gone from every view; its open activities are cancelled by the activity service. */
public record DealDeleted(String organizationId, String dealId, Instant deletedAt, String deletedBy)
        implements DealEvent {
}
