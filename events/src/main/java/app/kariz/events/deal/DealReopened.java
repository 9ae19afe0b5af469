package app.kariz.events.deal;

import java.time.Instant;

/** A won or lost deal is open again, on the stage it was closed in. */
public record DealReopened(String organizationId, String dealId, Instant reopenedAt, String reopenedBy)
        implements DealEvent {
}
