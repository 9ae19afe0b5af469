package app.kariz.activity;

import app.kariz.events.EventCatalog;
import app.kariz.events.Position;
import app.kariz.events.deal.DealEvent;
import app.kariz.support.consume.ConsumedEvent;

import java.time.Instant;
import java.util.UUID;

/** Deal events as the deal topic's consumer hands them over, with the envelope Kafka headers carry. */
public final class DealEvents {

    private DealEvents() {
    }

    public static ConsumedEvent consumed(DealEvent event, long sequence) {
        return new ConsumedEvent(UUID.randomUUID().toString(),
                EventCatalog.byJavaType(event.getClass()).orElseThrow().ceType(),
                new Position("deal", event.dealId(), sequence), Instant.parse("2026-11-26T08:00:00Z"),
                "correlation-" + event.dealId() + "-" + sequence, event);
    }
}
