package app.kariz.activity.deal;

import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.events.Position;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.support.web.NotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the deal an activity is scheduled on. A deal opened a moment ago may not have reached this service
 * yet, so before answering "no such deal" it waits, bounded: for the deal's position when the request names
 * it ({@code Kariz-Await}, which the gateway adds after the client's own writes), and otherwise until this
 * service has consumed everything already on the deal topic. A deleted deal is answered like one that never
 * existed.
 */
public class DealLookup {

    private final KnownDeals deals;
    private final EventStreamConsumer dealEvents;
    private final Duration timeout;

    public DealLookup(KnownDeals deals, EventStreamConsumer dealEvents, Duration timeout) {
        this.deals = deals;
        this.dealEvents = dealEvents;
        this.timeout = timeout;
    }

    public KnownDeal require(String organizationId, String dealId, List<Position> awaited) {
        Optional<Long> awaitedSequence = awaited.stream()
                .filter(p -> p.aggregateType().equals("deal") && p.aggregateId().equals(dealId))
                .map(Position::sequence).max(Long::compare);
        Optional<KnownDeal> deal = awaitedSequence.isPresent()
                ? awaitSequence(dealId, awaitedSequence.get())
                : deals.find(dealId);
        if (deal.isEmpty() && dealEvents.awaitCaughtUp(timeout)) {
            deal = deals.find(dealId);
        }
        return deal.filter(found -> found.organizationId().equals(organizationId) && !found.deleted())
                .orElseThrow(() -> new NotFoundException("No deal " + dealId));
    }

    /** The deal as this service knows it now, deleted or not, without waiting. */
    public Optional<KnownDeal> known(String dealId) {
        return deals.find(dealId);
    }

    private Optional<KnownDeal> awaitSequence(String dealId, long sequence) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<KnownDeal> deal = deals.find(dealId);
            if (deal.filter(found -> found.sequence() >= sequence).isPresent() || System.nanoTime() > deadline) {
                return deal;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return deal;
            }
        }
    }
}
