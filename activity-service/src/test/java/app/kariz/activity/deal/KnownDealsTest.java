package app.kariz.activity.deal;

import app.kariz.activity.deal.KnownDeals.KnownDeal;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.kernel.NotFoundException;
import app.kariz.support.consume.EventStreamConsumer;
import app.kariz.testing.mongo.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static app.kariz.activity.DealEvents.consumed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class KnownDealsTest {

    private static final InProcessMongo MONGO = InProcessMongo.start();
    private static final String ORG = "org-1";
    private static final String DEAL = "deal-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private KnownDeals deals;

    @BeforeEach
    void setUp() {
        deals = new KnownDeals(MONGO.freshDatabase("known_deals_test"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    private static DealOpened opened(String ownerId) {
        return new DealOpened(ORG, DEAL, "pipeline-1", "stage-1", "قرارداد", null, ownerId, null, null, null, NOW,
                ownerId);
    }

    private static DealUpdated ownerChanged(String from, String to) {
        return new DealUpdated(ORG, DEAL, new DealFields("قرارداد", null, from, null, null, null),
                new DealFields("قرارداد", null, to, null, null, null), List.of("ownerId"), NOW, "manager-1");
    }

    private static DealDeleted deleted() {
        return new DealDeleted(ORG, DEAL, NOW, "manager-1");
    }

    @Test
    void anOpenedDealIsKnownWithItsOwner() {
        deals.handle(consumed(opened("owner-1"), 0));

        assertThat(deals.find(DEAL)).contains(new KnownDeal(DEAL, ORG, "owner-1", KnownDeals.OPEN, 0, null));
    }

    @Test
    void aDeletedDealIsKnownAsDeletedAndKeepsItsOwnerAndWhoDeletedIt() {
        deals.handle(consumed(opened("owner-1"), 0));
        deals.handle(consumed(deleted(), 1));

        KnownDeal deal = deals.find(DEAL).orElseThrow();
        assertThat(deal.deleted()).isTrue();
        assertThat(deal.status()).isEqualTo(KnownDeals.DELETED);
        assertThat(deal.ownerId()).isEqualTo("owner-1");
        assertThat(deal.deletedBy()).isEqualTo("manager-1");
        assertThat(deal.sequence()).isEqualTo(1);
    }

    @Test
    void aReDeliveredDeletionChangesNothing() {
        deals.handle(consumed(opened("owner-1"), 0));
        deals.handle(consumed(deleted(), 1));
        KnownDeal once = deals.find(DEAL).orElseThrow();

        deals.handle(consumed(deleted(), 1));

        assertThat(deals.find(DEAL)).contains(once);
    }

    @Test
    void deletionIsFinal() {
        deals.handle(consumed(opened("owner-1"), 0));
        deals.handle(consumed(deleted(), 1));

        deals.handle(consumed(new DealReopened(ORG, DEAL, NOW, "user-1"), 2));
        deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 3));

        assertThat(deals.find(DEAL).orElseThrow().deleted()).isTrue();
    }

    @Test
    void anUpdateHandsTheDealToItsNewOwner() {
        deals.handle(consumed(opened("owner-1"), 0));
        deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 1));

        KnownDeal deal = deals.find(DEAL).orElseThrow();
        assertThat(deal.ownerId()).isEqualTo("owner-2");
        assertThat(deal.status()).isEqualTo(KnownDeals.OPEN);
    }

    @Test
    void aReDeliveredOlderUpdateDoesNotBringBackThePreviousOwner() {
        deals.handle(consumed(opened("owner-1"), 0));
        deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 1));
        deals.handle(consumed(ownerChanged("owner-2", "owner-3"), 2));

        deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 1));

        assertThat(deals.find(DEAL).orElseThrow().ownerId()).isEqualTo("owner-3");
    }

    @Test
    void moveAndWinKeepTheOwner() {
        deals.handle(consumed(opened("owner-1"), 0));
        deals.handle(consumed(new DealMoved(ORG, DEAL, "pipeline-1", "stage-1", "pipeline-2", "stage-9", NOW, NOW,
                "user-1"), 1));
        deals.handle(consumed(new DealWon(ORG, DEAL, NOW, "user-1"), 2));

        assertThat(deals.find(DEAL)).contains(new KnownDeal(DEAL, ORG, "owner-1", KnownDeals.WON, 2, null));
    }

    @Test
    void eventsOfADealNeverSeenOpenedAreNoErrorAndDoNotMakeItKnown() {
        deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 3));
        deals.handle(consumed(new DealMoved(ORG, DEAL, "pipeline-1", "stage-1", "pipeline-1", "stage-2", NOW, NOW,
                "user-1"), 4));
        deals.handle(consumed(new DealWon(ORG, DEAL, NOW, "user-1"), 5));

        assertThat(deals.find(DEAL)).isEmpty();
    }

    @Test
    void theDeletionOfADealNeverSeenOpenedIsRemembered() {
        deals.handle(consumed(deleted(), 7));

        assertThat(deals.find(DEAL).orElseThrow().deleted()).isTrue();
    }

    @Test
    void noActivityCanBeScheduledOnADeletedDeal() {
        deals.handle(consumed(opened("owner-1"), 0));
        DealLookup lookup = new DealLookup(deals, mock(EventStreamConsumer.class), Duration.ofMillis(100));
        assertThat(lookup.require(ORG, null, DEAL, List.of()).dealId()).isEqualTo(DEAL);

        deals.handle(consumed(deleted(), 1));

        assertThatThrownBy(() -> lookup.require(ORG, null, DEAL, List.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCallerWhoMayActOnlyOnItsOwnDealsFindsOnlyThose() {
        deals.handle(consumed(opened("owner-1"), 0));
        DealLookup lookup = new DealLookup(deals, mock(EventStreamConsumer.class), Duration.ofMillis(100));

        assertThat(lookup.require(ORG, "owner-1", DEAL, List.of()).ownerId()).isEqualTo("owner-1");
        assertThatThrownBy(() -> lookup.require(ORG, "owner-2", DEAL, List.of()))
                .isInstanceOf(NotFoundException.class);

        deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 1));

        assertThat(lookup.require(ORG, "owner-2", DEAL, List.of()).ownerId()).isEqualTo("owner-2");
        assertThatThrownBy(() -> lookup.require(ORG, "owner-1", DEAL, List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lookup.require("org-2", null, DEAL, List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDealJustHandedToTheCallerIsWaitedForLikeANewOne() {
        deals.handle(consumed(opened("owner-1"), 0));
        EventStreamConsumer dealEvents = mock(EventStreamConsumer.class);
        // The handover is still on the topic when the request arrives; catching up applies it.
        when(dealEvents.awaitCaughtUp(any())).thenAnswer(invocation -> {
            deals.handle(consumed(ownerChanged("owner-1", "owner-2"), 1));
            return true;
        });
        DealLookup lookup = new DealLookup(deals, dealEvents, Duration.ofMillis(100));

        assertThat(lookup.require(ORG, "owner-2", DEAL, List.of()).ownerId()).isEqualTo("owner-2");
    }
}
