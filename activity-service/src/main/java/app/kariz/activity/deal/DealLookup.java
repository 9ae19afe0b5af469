package app.kariz.activity.deal;

import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.events.Position;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.access.Reach;
import app.kariz.support.consume.EventStreamConsumer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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

    /**
     * @param onlyOwnedBy null when the caller may schedule on any deal of the organisation, else the one owner
     *                    whose deals it may schedule on: another's deal is answered like an unknown one. A deal just
     *                    handed to the caller may not have arrived as theirs yet, so it is waited for like a new one.
     */
    public KnownDeal require(String organizationId, String onlyOwnedBy, String dealId, List<Position> awaited) {
        Reach reach = new Reach(organizationId, onlyOwnedBy);
        Predicate<KnownDeal> visible = found -> !found.deleted() && reach.includes(found.organizationId(),
                found.ownerId());
        Optional<Long> awaitedSequence = awaited.stream()
                .filter(p -> p.aggregateType().equals("deal") && p.aggregateId().equals(dealId))
                .map(Position::sequence).max(Long::compare);
        Optional<KnownDeal> deal = awaitedSequence.isPresent()
                ? awaitSequence(dealId, awaitedSequence.get())
                : deals.find(dealId);
        // Only a deal not here yet, or one of the organisation whose owner may just be changing, can still arrive.
        boolean mayArrive = deal.map(found -> found.organizationId().equals(organizationId) && !found.deleted())
                .orElse(true);
        if (deal.filter(visible).isEmpty() && mayArrive && dealEvents.awaitCaughtUp(timeout)) {
            deal = deals.find(dealId);
        }
        return deal.filter(visible).orElseThrow(() -> new NotFoundException("No deal " + dealId));
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
