package app.kariz.deal.command;

import app.kariz.deal.command.DealCommands.DeleteDeal;
import app.kariz.deal.command.DealCommands.LoseDeal;
import app.kariz.deal.command.DealCommands.MoveDeal;
import app.kariz.deal.command.DealCommands.OpenDeal;
import app.kariz.deal.command.DealCommands.RelocateDeal;
import app.kariz.deal.command.DealCommands.ReopenDeal;
import app.kariz.deal.command.DealCommands.UpdateDeal;
import app.kariz.deal.command.DealCommands.WinDeal;
import app.kariz.events.deal.DealDeleted;
import app.kariz.events.deal.DealFields;
import app.kariz.events.deal.DealLost;
import app.kariz.events.deal.DealMoved;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.DealReopened;
import app.kariz.events.deal.DealUpdated;
import app.kariz.events.deal.DealWon;
import app.kariz.events.deal.Money;
import app.kariz.kernel.Change;
import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

class DealTest {

    private static final String ORG = "org-1";
    private static final String DEAL = "deal-1";
    private static final String PIPELINE = "pipeline-1";
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Money VALUE = new Money(new BigDecimal("1200.00"), "IRR");
    private static final LocalDate CLOSE = LocalDate.parse("2026-12-31");
    private static final ExpectedVersion ANY = ExpectedVersion.ANY;

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
    }

    private static DealOpened opened() {
        return new DealOpened(ORG, DEAL, PIPELINE, "stage-a", "قرارداد پشتیبانی", VALUE, "owner-1", "Sara",
                "Acme", CLOSE, T0, "user-1");
    }

    private static OpenDeal open(String title, Money value, String personName) {
        return new OpenDeal(DEAL, ORG, PIPELINE, "stage-a", title, value, "owner-1", personName, "Acme", CLOSE, T0,
                "user-1");
    }

    private static DealFields fieldsOfOpened() {
        return new DealFields("قرارداد پشتیبانی", VALUE, "owner-1", "Sara", "Acme", CLOSE);
    }

    private static UpdateDeal update(Change<String> title, Change<Money> value, Change<String> personName,
                                     Change<LocalDate> expectedCloseDate) {
        return new UpdateDeal(DEAL, ORG, ANY, title, value, Change.keep(), personName, Change.keep(),
                expectedCloseDate, T1, "user-2");
    }

    private static Matcher<Exception> invalidField(String field) {
        return new CustomTypeSafeMatcher<>("invalid input naming " + field) {
            @Override
            protected boolean matchesSafely(Exception e) {
                return e instanceof InvalidInputException invalid
                        && invalid.errors().stream().anyMatch(error -> error.field().equals(field));
            }
        };
    }

    private static Matcher<DealDetails> details(String description, Predicate<DealDetails> test) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(DealDetails details) {
                return test.test(details);
            }
        };
    }

    @Nested
    class Opening {

        @Test
        void openingADealRecordsEverythingTheConsumersNeed() {
            fixture.givenNoPriorActivity()
                    .when(open("قرارداد پشتیبانی", VALUE, "Sara"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
        }

        @Test
        void textIsTrimmedAndBlankOptionalTextIsNoText() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDeal(DEAL, ORG, PIPELINE, "stage-a", "  قرارداد پشتیبانی \n", VALUE, " owner-1 ",
                            "  ", null, null, T0, "user-1"))
                    .expectEvents(new DealOpened(ORG, DEAL, PIPELINE, "stage-a", "قرارداد پشتیبانی", VALUE,
                            "owner-1", null, null, null, T0, "user-1"));
        }

        @Test
        void aDealNeedsATitle() {
            fixture.givenNoPriorActivity()
                    .when(open("   ", VALUE, "Sara"))
                    .expectException(invalidField("title"))
                    .expectNoEvents();
        }

        @Test
        void aTitleHasAtMost255Characters() {
            fixture.givenNoPriorActivity()
                    .when(open("ق".repeat(256), VALUE, "Sara"))
                    .expectException(invalidField("title"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open("ق".repeat(255), VALUE, "Sara"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aPersonNameHasAtMost255Characters() {
            fixture.givenNoPriorActivity()
                    .when(open("title", VALUE, "س".repeat(256)))
                    .expectException(invalidField("personName"))
                    .expectNoEvents();
        }

        @Test
        void aValueIsNeverNegative() {
            fixture.givenNoPriorActivity()
                    .when(open("title", new Money(new BigDecimal("-0.01"), "IRR"), null))
                    .expectException(invalidField("value.amount"))
                    .expectNoEvents();
        }

        @Test
        void aValueIsInAnIso4217Currency() {
            fixture.givenNoPriorActivity()
                    .when(open("title", new Money(BigDecimal.TEN, "ABC"), null))
                    .expectException(invalidField("value.currency"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open("title", new Money(BigDecimal.TEN, "irr"), null))
                    .expectException(invalidField("value.currency"))
                    .expectNoEvents();
        }

        @Test
        void aZeroValueInAnyIsoCurrencyIsFine() {
            fixture.givenNoPriorActivity()
                    .when(open("title", new Money(BigDecimal.ZERO, "EUR"), null))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Updating {

        @Test
        void anUpdateRecordsTheFieldsBeforeAndAfterAndNamesTheChangedOnes() {
            Money newValue = new Money(new BigDecimal("2500.00"), "IRR");
            fixture.given(opened())
                    .when(update(Change.to("قرارداد سالانه"), Change.to(newValue), Change.keep(), Change.keep()))
                    .expectEvents(new DealUpdated(ORG, DEAL, fieldsOfOpened(),
                            new DealFields("قرارداد سالانه", newValue, "owner-1", "Sara", "Acme", CLOSE),
                            List.of("title", "value"), T1, "user-2"));
        }

        @Test
        void nullClearsAnOptionalField() {
            fixture.given(opened())
                    .when(update(Change.keep(), Change.to(null), Change.to(null), Change.to(null)))
                    .expectEvents(new DealUpdated(ORG, DEAL, fieldsOfOpened(),
                            new DealFields("قرارداد پشتیبانی", null, "owner-1", null, "Acme", null),
                            List.of("value", "personName", "expectedCloseDate"), T1, "user-2"));
        }

        @Test
        void theTitleCannotBeCleared() {
            fixture.given(opened())
                    .when(update(Change.to(null), Change.keep(), Change.keep(), Change.keep()))
                    .expectException(invalidField("title"))
                    .expectNoEvents();
        }

        @Test
        void aDealAlwaysHasAnOwner() {
            fixture.given(opened())
                    .when(new UpdateDeal(DEAL, ORG, ANY, null, null, Change.to(null), null, null, null, T1, "u"))
                    .expectException(invalidField("ownerId"))
                    .expectNoEvents();
        }

        @Test
        void anUpdateChecksLengthsAndValueLikeOpening() {
            fixture.given(opened())
                    .when(update(Change.to("ت".repeat(256)), Change.keep(), Change.keep(), Change.keep()))
                    .expectException(invalidField("title"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(update(Change.keep(), Change.to(new Money(BigDecimal.ONE, "XYZ")), Change.keep(),
                            Change.keep()))
                    .expectException(invalidField("value.currency"))
                    .expectNoEvents();
        }

        @Test
        void anUpdateThatChangesNothingRecordsNothing() {
            fixture.given(opened())
                    .when(update(Change.to("قرارداد پشتیبانی"), Change.to(new Money(new BigDecimal("1200"), "IRR")),
                            Change.to(" Sara "), Change.keep()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(details("unchanged at version 0",
                            d -> d.version() == 0 && d.value().equals(VALUE)));
        }

        @Test
        void anEmptyUpdateRecordsNothing() {
            fixture.given(opened())
                    .when(update(Change.keep(), Change.keep(), Change.keep(), Change.keep()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClosedDealCanBeEdited() {
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                    .when(update(Change.keep(), Change.keep(), Change.keep(), Change.to(CLOSE.plusDays(1))))
                    .expectEvents(new DealUpdated(ORG, DEAL, fieldsOfOpened(),
                            new DealFields("قرارداد پشتیبانی", VALUE, "owner-1", "Sara", "Acme", CLOSE.plusDays(1)),
                            List.of("expectedCloseDate"), T1, "user-2"));
        }

        @Test
        void theNextUpdateStartsFromTheLastOne() {
            DealFields renamed = new DealFields("renamed", VALUE, "owner-1", "Sara", "Acme", CLOSE);
            fixture.given(opened(), new DealUpdated(ORG, DEAL, fieldsOfOpened(), renamed, List.of("title"), T1, "u"))
                    .when(update(Change.keep(), Change.keep(), Change.to("Reza"), Change.keep()))
                    .expectEvents(new DealUpdated(ORG, DEAL, renamed,
                            new DealFields("renamed", VALUE, "owner-1", "Reza", "Acme", CLOSE),
                            List.of("personName"), T1, "user-2"));
        }
    }

    @Nested
    class Moving {

        @Test
        void movingAnOpenDealToAnotherStageOfItsPipelineRecordsFromAndTo() {
            fixture.given(opened())
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-b", PIPELINE, T1, "user-2"))
                    .expectEvents(new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-b", T0, T1,
                            "user-2"));
        }

        @Test
        void movingReportsTheNewStageAndVersion() {
            fixture.given(opened())
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-b", PIPELINE, T1, "user-2"))
                    .expectResultMessagePayloadMatching(details("details at stage-b, version 1",
                            d -> d.stageId().equals("stage-b") && d.version() == 1
                                    && d.stageEnteredAt().equals(T1)));
        }

        @Test
        void movingToAStageOfAnotherPipelineMovesTheDealToThatPipeline() {
            fixture.given(opened())
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-x", "pipeline-2", T1, "user-2"))
                    .expectEvents(new DealMoved(ORG, DEAL, PIPELINE, "stage-a", "pipeline-2", "stage-x", T0, T1,
                            "user-2"))
                    .expectResultMessagePayloadMatching(details("on pipeline-2",
                            d -> d.pipelineId().equals("pipeline-2") && d.stageId().equals("stage-x")));
        }

        @Test
        void aMoveRecordsTheTimeTheDealEnteredTheStageItLeaves() {
            Instant t2 = T1.plusSeconds(3600);
            fixture.given(opened(), new DealMoved(ORG, DEAL, PIPELINE, "stage-a", "pipeline-2", "stage-x", T0, T1, "u"))
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-y", "pipeline-2", t2, "user-2"))
                    .expectEvents(new DealMoved(ORG, DEAL, "pipeline-2", "stage-x", "pipeline-2", "stage-y", T1, t2,
                            "user-2"));
        }

        @Test
        void movingToTheCurrentStageChangesNothing() {
            fixture.given(opened())
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-a", PIPELINE, T1, "user-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClosedDealDoesNotMove() {
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-b", PIPELINE, T1, "user-2"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void relocatingOffARemovedStageMovesEvenAClosedDeal() {
            fixture.given(opened(), new DealLost(ORG, DEAL, "price", T1, "user-1"))
                    .when(new RelocateDeal(DEAL, ORG, "stage-a", PIPELINE, "stage-b", T1, "manager"))
                    .expectEvents(new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-b", T0, T1,
                            "manager"));
        }

        @Test
        void relocatingADealThatAlreadyLeftTheStageChangesNothing() {
            fixture.given(opened(), new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-c", T0, T1, "u"))
                    .when(new RelocateDeal(DEAL, ORG, "stage-a", PIPELINE, "stage-b", T1, "manager"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void anOpenDealCanBeWon() {
            fixture.given(opened())
                    .when(new WinDeal(DEAL, ORG, ANY, T1, "user-1"))
                    .expectEvents(new DealWon(ORG, DEAL, T1, "user-1"));
        }

        @Test
        void aWonDealCannotBeWonAgainOrLost() {
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                    .when(new WinDeal(DEAL, ORG, ANY, T1, "user-1"))
                    .expectException(RuleViolationException.class);
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                    .when(new LoseDeal(DEAL, ORG, ANY, "price", T1, "user-1"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void losingADealRecordsTheTrimmedReason() {
            fixture.given(opened())
                    .when(new LoseDeal(DEAL, ORG, ANY, "  قیمت بالا بود ", T1, "user-1"))
                    .expectEvents(new DealLost(ORG, DEAL, "قیمت بالا بود", T1, "user-1"));
        }

        @Test
        void losingNeedsAReason() {
            fixture.given(opened())
                    .when(new LoseDeal(DEAL, ORG, ANY, " ", T1, "user-1"))
                    .expectException(invalidField("reason"))
                    .expectNoEvents();
        }

        @Test
        void aReasonHasAtMost500Characters() {
            fixture.given(opened())
                    .when(new LoseDeal(DEAL, ORG, ANY, "د".repeat(501), T1, "user-1"))
                    .expectException(invalidField("reason"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(new LoseDeal(DEAL, ORG, ANY, "د".repeat(500), T1, "user-1"))
                    .expectEvents(new DealLost(ORG, DEAL, "د".repeat(500), T1, "user-1"));
        }

        @Test
        void aLostOrWonDealCanBeReopenedAndThenMovesAgain() {
            fixture.given(opened(), new DealLost(ORG, DEAL, "price", T1, "user-1"))
                    .when(new ReopenDeal(DEAL, ORG, ANY, T1, "user-1"))
                    .expectEvents(new DealReopened(ORG, DEAL, T1, "user-1"));
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"), new DealReopened(ORG, DEAL, T1, "user-1"))
                    .when(new MoveDeal(DEAL, ORG, ANY, "stage-b", PIPELINE, T1, "user-1"))
                    .expectEvents(new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-b", T0, T1,
                            "user-1"));
        }

        @Test
        void anOpenDealCannotBeReopened() {
            fixture.given(opened())
                    .when(new ReopenDeal(DEAL, ORG, ANY, T1, "user-1"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Deleting {

        @Test
        void anyDealCanBeDeleted() {
            fixture.given(opened(), new DealLost(ORG, DEAL, "price", T1, "user-1"))
                    .when(new DeleteDeal(DEAL, ORG, ANY, T1, "user-2"))
                    .expectEvents(new DealDeleted(ORG, DEAL, T1, "user-2"));
        }

        @Test
        void aDeletedDealIsNotFoundByAnyCommand() {
            List<Object> commands = List.of(
                    new WinDeal(DEAL, ORG, ANY, T1, "u"),
                    new LoseDeal(DEAL, ORG, ANY, "price", T1, "u"),
                    new ReopenDeal(DEAL, ORG, ANY, T1, "u"),
                    new MoveDeal(DEAL, ORG, ANY, "stage-b", PIPELINE, T1, "u"),
                    new RelocateDeal(DEAL, ORG, "stage-a", PIPELINE, "stage-b", T1, "u"),
                    update(Change.to("x"), Change.keep(), Change.keep(), Change.keep()),
                    new DeleteDeal(DEAL, ORG, ANY, T1, "u"));
            for (Object command : commands) {
                fixture.given(opened(), new DealDeleted(ORG, DEAL, T1, "user-2"))
                        .when(command)
                        .expectException(AggregateNotFoundException.class)
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class OptimisticConcurrency {

        private final DealMoved movedToB =
                new DealMoved(ORG, DEAL, PIPELINE, "stage-a", PIPELINE, "stage-b", T0, T1, "user-1");

        private Matcher<Exception> staleAt(long currentVersion) {
            return new CustomTypeSafeMatcher<>("a stale version, the deal being at " + currentVersion) {
                @Override
                protected boolean matchesSafely(Exception e) {
                    return e instanceof StaleVersionException stale
                            && Long.valueOf(currentVersion).equals(stale.currentVersion());
                }
            };
        }

        @Test
        void aWriteNamingAnOlderVersionIsRefusedAndChangesNothing() {
            fixture.given(opened(), movedToB)
                    .when(new WinDeal(DEAL, ORG, ExpectedVersion.of(0), T1, "user-2"))
                    .expectException(staleAt(1))
                    .expectNoEvents();
        }

        @Test
        void aWriteNamingTheCurrentVersionGoesThrough() {
            fixture.given(opened(), movedToB)
                    .when(new WinDeal(DEAL, ORG, ExpectedVersion.of(1), T1, "user-2"))
                    .expectEvents(new DealWon(ORG, DEAL, T1, "user-2"))
                    .expectResultMessagePayloadMatching(details("version 2", d -> d.version() == 2));
        }

        @Test
        void aVersionTheDealHasNotReachedIsRefusedToo() {
            fixture.given(opened())
                    .when(new MoveDeal(DEAL, ORG, ExpectedVersion.of(5), "stage-b", PIPELINE, T1, "user-2"))
                    .expectException(staleAt(0))
                    .expectNoEvents();
        }

        @Test
        void anyOfSeveralVersionsMatchesButNoVersionAtAllNeverDoes() {
            fixture.given(opened(), movedToB)
                    .when(new LoseDeal(DEAL, ORG, ExpectedVersion.oneOf(List.of(0L, 1L)), "price", T1, "user-2"))
                    .expectEvents(new DealLost(ORG, DEAL, "price", T1, "user-2"));
            fixture.given(opened(), movedToB)
                    .when(new LoseDeal(DEAL, ORG, ExpectedVersion.oneOf(List.of()), "price", T1, "user-2"))
                    .expectException(staleAt(1))
                    .expectNoEvents();
        }

        @Test
        void everyWriteOnAnExistingDealChecksTheVersion() {
            ExpectedVersion stale = ExpectedVersion.of(0);
            List<Object> commands = List.of(
                    new UpdateDeal(DEAL, ORG, stale, Change.to("x"), null, null, null, null, null, T1, "u"),
                    new MoveDeal(DEAL, ORG, stale, "stage-c", PIPELINE, T1, "u"),
                    new WinDeal(DEAL, ORG, stale, T1, "u"),
                    new LoseDeal(DEAL, ORG, stale, "price", T1, "u"),
                    new DeleteDeal(DEAL, ORG, stale, T1, "u"));
            for (Object command : commands) {
                fixture.given(opened(), movedToB)
                        .when(command)
                        .expectException(staleAt(1))
                        .expectNoEvents();
            }
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "u"))
                    .when(new ReopenDeal(DEAL, ORG, stale, T1, "u"))
                    .expectException(staleAt(1))
                    .expectNoEvents();
        }

        @Test
        void theVersionIsCheckedBeforeTheRules() {
            fixture.given(opened(), new DealWon(ORG, DEAL, T1, "user-1"))
                    .when(new WinDeal(DEAL, ORG, ExpectedVersion.of(0), T1, "user-2"))
                    .expectException(staleAt(1));
        }

        @Test
        void anEditThatChangesNothingStillNeedsTheCurrentVersion() {
            fixture.given(opened(), movedToB)
                    .when(new UpdateDeal(DEAL, ORG, ExpectedVersion.of(0), null, null, null, null, null, null, T1,
                            "u"))
                    .expectException(staleAt(1));
        }
    }

    @Test
    void anotherOrganisationsDealLooksLikeItDoesNotExistWhateverVersionIsNamed() {
        fixture.given(opened())
                .when(new WinDeal(DEAL, "org-2", ANY, T1, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        fixture.given(opened())
                .when(new DeleteDeal(DEAL, "org-2", ExpectedVersion.of(7), T1, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    /** A restricted member acts only on deals it owns ({@code onlyOwnedBy}); see docs/identity-and-tenancy.md. */
    @Nested
    class OnlyOwnDeals {

        @Test
        void anotherOwnersDealLooksLikeItDoesNotExist() {
            fixture.given(opened())
                    .when(new WinDeal(DEAL, ORG, "owner-2", ANY, T1, "owner-2"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
            fixture.given(opened())
                    .when(new UpdateDeal(DEAL, ORG, "owner-2", ANY, null, null, Change.to("owner-2"), null, null,
                            null, T1, "owner-2"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void theOwnerActsOnItsDeal() {
            fixture.given(opened())
                    .when(new WinDeal(DEAL, ORG, "owner-1", ANY, T1, "owner-1"))
                    .expectEvents(new DealWon(ORG, DEAL, T1, "owner-1"));
        }

        @Test
        void theOwnerAsOfTheLatestEventCounts() {
            DealUpdated handedOver = new DealUpdated(ORG, DEAL, fieldsOfOpened(),
                    new DealFields("قرارداد پشتیبانی", VALUE, "owner-2", "Sara", "Acme", CLOSE), List.of("ownerId"),
                    T1, "owner-1");
            fixture.given(opened(), handedOver)
                    .when(new DeleteDeal(DEAL, ORG, "owner-1", ANY, T1, "owner-1"))
                    .expectException(NotFoundException.class);
            fixture.given(opened(), handedOver)
                    .when(new DeleteDeal(DEAL, ORG, "owner-2", ANY, T1, "owner-2"))
                    .expectEvents(new DealDeleted(ORG, DEAL, T1, "owner-2"));
        }

        @Test
        void aDealIsOpenedOnlyForTheRestrictedCallerItself() {
            fixture.givenNoPriorActivity()
                    .when(new OpenDeal(DEAL, ORG, "owner-2", PIPELINE, "stage-a", "t", null, "owner-1", null, null,
                            null, T0, "owner-2"))
                    .expectException(ForbiddenException.class)
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new OpenDeal(DEAL, ORG, "owner-1", PIPELINE, "stage-a", "t", null, "owner-1", null, null,
                            null, T0, "owner-1"))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
