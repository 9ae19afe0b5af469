package app.kariz.events.deal;

import app.kariz.events.KarizEvent;

/** Events of the deal aggregate, on topic {@code kariz.deals.v1}, keyed by deal id. */
public sealed interface DealEvent extends KarizEvent
        permits DealOpened, DealUpdated, DealMoved, DealWon, DealLost, DealReopened, DealDeleted {

    String dealId();
}
