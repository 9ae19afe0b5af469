package app.kariz.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class EventEnvelopeTest {

    private static final Instant AT = Instant.parse("2026-12-07T20:30:00.123Z");

    @Test
    void writesTheCloudEventsAttributesAndKarizExtensionsInOrder() {
        EventEnvelope envelope = new EventEnvelope("event-1", "/kariz/deal-service", "kariz.deal.opened.v1", AT,
                "deal-1", new Position("deal", "deal-1", 3), "org-1", "correlation-1", "request-1");

        assertThat(envelope.headers()).containsExactly(
                entry("ce_specversion", "1.0"), entry("ce_id", "event-1"), entry("ce_source", "/kariz/deal-service"),
                entry("ce_type", "kariz.deal.opened.v1"), entry("ce_time", "2026-12-07T20:30:00.123Z"),
                entry("ce_subject", "deal-1"), entry("content-type", "application/json"),
                entry("kariz_aggregatetype", "deal"), entry("kariz_aggregateid", "deal-1"),
                entry("kariz_sequence", "3"), entry("kariz_organizationid", "org-1"),
                entry("kariz_correlationid", "correlation-1"), entry("kariz_requestid", "request-1"));
    }

    @Test
    void leavesOutTheCorrelationAndRequestIdsWhenThereAreNone() {
        EventEnvelope envelope = new EventEnvelope("event-1", "/kariz/gateway", "kariz.organization.created.v1", AT,
                "org-1", new Position("organization", "org-1", 0), "org-1", null, null);

        assertThat(envelope.headers()).doesNotContainKeys("kariz_correlationid", "kariz_requestid").hasSize(11);
    }
}
