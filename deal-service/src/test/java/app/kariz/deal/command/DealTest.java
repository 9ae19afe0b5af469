package app.kariz.deal.command;

import app.kariz.deal.command.DealCommands.LoseDeal;
import app.kariz.deal.command.DealCommands.MoveDeal;
import app.kariz.deal.command.DealCommands.OpenDeal;
import app.kariz.deal.command.DealCommands.ReopenDeal;
import app.kariz.deal.command.DealCommands.WinDeal;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.NotFoundException;
import app.kariz.support.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

class DealTest {

    private static final String ORG = "org-1";
    private static final String DEAL = "deal-1";
    private static final String PIPELINE = "pipeline-1";
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Money VALUE = new Money(new BigDecimal("1200.00"), "IRR");

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
    }

    private static DealOpened opened() {
        return new DealOpened(ORG, DEAL, PIPELINE, "stage-a", "قرارداد پشتیبانی", VALUE, "owner-1", "Sara",
                "Acme", LocalDate.parse("2026-12-31"), T0, "user-1");
    }

    @Test
    void openingADealRecordsEverythingTheConsumersNeed() {
        fixture.givenNoPriorActivity()
                .when(new OpenDeal(DEAL, ORG, PIPELINE, "stage-a", "قرارداد پشتیبانی", VALUE, "owner-1", "Sara",
                        "Acme", LocalDate.parse("2026-12-31"), T0, "user-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void movingAnOpenDealToAnotherStageOfItsPipelineRecordsFromAndTo() {
        fixture.given(opened())
                .when(new MoveDeal(DEAL, ORG, "stage-b", PIPELINE, T1, "user-2"))
                .expectEvents(new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-b", T0, T1, "user-2"));
    }

    @Test
    void movingReportsTheNewStageAndVersion() {
        fixture.given(opened())
                .when(new MoveDeal(DEAL, ORG, "stage-b", PIPELINE, T1, "user-2"))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<DealDetails>("details at stage-b, version 1") {
                    @Override
                    protected boolean matchesSafely(DealDetails details) {
                        return details.stageId().equals("stage-b") && details.version() == 1
                                && details.stageEnteredAt().equals(T1);
                    }
                });
    }

    @Test
    void movingToTheCurrentStageChangesNothing() {
        fixture.given(opened())
                .when(new MoveDeal(DEAL, ORG, "stage-a", PIPELINE, T1, "user-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDealMovesOnlyWithinItsOwnPipeline() {
        fixture.given(opened())
                .when(new MoveDeal(DEAL, ORG, "stage-x", "other-pipeline", T1, "user-2"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedDealDoesNotMove() {
        fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                .when(new MoveDeal(DEAL, ORG, "stage-b", PIPELINE, T1, "user-2"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anOpenDealCanBeWon() {
        fixture.given(opened())
                .when(new WinDeal(DEAL, ORG, T1, "user-1"))
                .expectEvents(new DealWon(ORG, DEAL, T1, "user-1"));
    }

    @Test
    void aWonDealCannotBeWonAgainOrLost() {
        fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                .when(new WinDeal(DEAL, ORG, T1, "user-1"))
                .expectException(RuleViolationException.class);
        fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                .when(new LoseDeal(DEAL, ORG, "price", T1, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void losingADealRecordsTheReason() {
        fixture.given(opened())
                .when(new LoseDeal(DEAL, ORG, "قیمت بالا بود", T1, "user-1"))
                .expectEvents(new DealLost(ORG, DEAL, "قیمت بالا بود", T1, "user-1"));
    }

    @Test
    void losingNeedsAReason() {
        fixture.given(opened())
                .when(new LoseDeal(DEAL, ORG, " ", T1, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aLostOrWonDealCanBeReopenedAndThenMovesAgain() {
        fixture.given(opened(), new DealLost(ORG, DEAL, "price", T1, "user-1"))
                .when(new ReopenDeal(DEAL, ORG, T1, "user-1"))
                .expectEvents(new DealReopened(ORG, DEAL, T1, "user-1"));
        fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"), new DealReopened(ORG, DEAL, T1, "user-1"))
                .when(new MoveDeal(DEAL, ORG, "stage-b", PIPELINE, T1, "user-1"))
                .expectEvents(new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-b", T0, T1, "user-1"));
    }

    @Test
    void anOpenDealCannotBeReopened() {
        fixture.given(opened())
                .when(new ReopenDeal(DEAL, ORG, T1, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anotherOrganisationsDealLooksLikeItDoesNotExist() {
        fixture.given(opened())
                .when(new WinDeal(DEAL, "org-2", T1, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
