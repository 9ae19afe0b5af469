package app.kariz.deal.pipeline.command;

import app.kariz.deal.pipeline.command.PipelineCommands.AddStage;
import app.kariz.deal.pipeline.command.PipelineCommands.CreatePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.DeletePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.RemoveStage;
import app.kariz.deal.pipeline.command.PipelineCommands.RenamePipeline;
import app.kariz.deal.pipeline.command.PipelineCommands.ReorderStages;
import app.kariz.deal.pipeline.command.PipelineCommands.StageDraft;
import app.kariz.deal.pipeline.command.PipelineCommands.UpdateStage;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineDeleted;
import app.kariz.events.pipeline.PipelineRenamed;
import app.kariz.events.pipeline.PipelineStage;
import app.kariz.events.pipeline.StageAdded;
import app.kariz.events.pipeline.StageRemoved;
import app.kariz.events.pipeline.StageUpdated;
import app.kariz.events.pipeline.StagesReordered;
import app.kariz.kernel.Change;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

class PipelineTest {

    private static final String ORG = "org";
    private static final String P = "p";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private final AggregateTestFixture<Pipeline> fixture = new AggregateTestFixture<>(Pipeline.class);

    /** سرنخ (lead), جلسه (meeting, rots after 7 days), پیشنهاد (proposal). */
    private static PipelineCreated created() {
        return new PipelineCreated(ORG, P, "فروش", List.of(new PipelineStage("s1", "سرنخ", 0, null),
                new PipelineStage("s2", "جلسه", 1, 7), new PipelineStage("s3", "پیشنهاد", 2, null)), NOW, "manager");
    }

    private static CreatePipeline create(String name, StageDraft... stages) {
        return new CreatePipeline(P, ORG, name, List.of(stages), NOW, "manager");
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

    private static Matcher<PipelineDetails> details(String description, Predicate<PipelineDetails> test) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(PipelineDetails details) {
                return test.test(details);
            }
        };
    }

    @Nested
    class Creating {

        @Test
        void creatingAPipelineNumbersItsStagesInTheGivenOrder() {
            fixture.givenNoPriorActivity()
                    .when(create("فروش", new StageDraft("s1", "سرنخ", null), new StageDraft("s2", "جلسه", 7),
                            new StageDraft("s3", "پیشنهاد", null)))
                    .expectEvents(created());
        }

        @Test
        void namesAreTrimmed() {
            fixture.givenNoPriorActivity()
                    .when(create("  فروش ", new StageDraft("s1", " سرنخ\t", null)))
                    .expectEvents(new PipelineCreated(ORG, P, "فروش", List.of(new PipelineStage("s1", "سرنخ", 0,
                            null)), NOW, "manager"));
        }

        @Test
        void aPipelineNeedsAStage() {
            fixture.givenNoPriorActivity()
                    .when(create("Empty"))
                    .expectException(invalidField("stages"))
                    .expectNoEvents();
        }

        @Test
        void namesHaveOneToAHundredCharacters() {
            fixture.givenNoPriorActivity()
                    .when(create("  ", new StageDraft("s1", "a", null)))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(create("ف".repeat(101), new StageDraft("s1", "a", null)))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(create("ok", new StageDraft("s1", "a", null), new StageDraft("s2", "ج".repeat(101), null)))
                    .expectException(invalidField("stages[1].name"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(create("ف".repeat(100), new StageDraft("s1", "ج".repeat(100), null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void stageNamesAreUniqueIgnoringCase() {
            fixture.givenNoPriorActivity()
                    .when(create("Sales", new StageDraft("s1", "Lead", null), new StageDraft("s2", "LEAD", null)))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(create("فروش", new StageDraft("s1", "سرنخ", null), new StageDraft("s2", "سرنخ ", null)))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void stagesRotAfterOneToThreeThousandSixHundredFiftyDaysOrNever() {
            fixture.givenNoPriorActivity()
                    .when(create("Sales", new StageDraft("s1", "Lead", 0)))
                    .expectException(invalidField("stages[0].rottenAfterDays"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(create("Sales", new StageDraft("s1", "Lead", 3651)))
                    .expectException(invalidField("stages[0].rottenAfterDays"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(create("Sales", new StageDraft("s1", "Lead", 1), new StageDraft("s2", "Won", 3650)))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class RenamingAndDeleting {

        @Test
        void renamingRecordsTheNewName() {
            fixture.given(created())
                    .when(new RenamePipeline(P, ORG, " فروش شرکتی ", NOW, "manager"))
                    .expectEvents(new PipelineRenamed(ORG, P, "فروش شرکتی", NOW, "manager"))
                    .expectResultMessagePayloadMatching(details("renamed", d -> d.name().equals("فروش شرکتی")));
        }

        @Test
        void renamingToTheSameNameRecordsNothing() {
            fixture.given(created())
                    .when(new RenamePipeline(P, ORG, "فروش", NOW, "manager"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPipelineNameCannotBeBlankOrTooLong() {
            fixture.given(created())
                    .when(new RenamePipeline(P, ORG, "", NOW, "manager"))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
            fixture.given(created())
                    .when(new RenamePipeline(P, ORG, "x".repeat(101), NOW, "manager"))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
        }

        @Test
        void aPipelineWithoutDealsCanBeDeleted() {
            fixture.given(created())
                    .when(new DeletePipeline(P, ORG, 0, NOW, "manager"))
                    .expectEvents(new PipelineDeleted(ORG, P, NOW, "manager"));
        }

        @Test
        void aPipelineHoldingDealsCannotBeDeleted() {
            fixture.given(created())
                    .when(new DeletePipeline(P, ORG, 1, NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aDeletedPipelineIsNotFound() {
            fixture.given(created(), new PipelineDeleted(ORG, P, NOW, "manager"))
                    .when(new AddStage(P, ORG, "s4", "x", null, null, NOW, "manager"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
            fixture.given(created(), new PipelineDeleted(ORG, P, NOW, "manager"))
                    .when(new DeletePipeline(P, ORG, 0, NOW, "manager"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void anotherOrganisationsPipelineLooksLikeItDoesNotExist() {
            fixture.given(created())
                    .when(new RenamePipeline(P, "org-2", "mine", NOW, "intruder"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
            fixture.given(created())
                    .when(new RemoveStage(P, "org-2", "s1", null, 0, NOW, "intruder"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class AddingStages {

        @Test
        void aStageGoesLastByDefault() {
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "قرارداد", 30, null, NOW, "manager"))
                    .expectEvents(new StageAdded(ORG, P, "s4", "قرارداد", 30, List.of("s1", "s2", "s3", "s4"), NOW,
                            "manager"))
                    .expectResultMessagePayloadMatching(details("s4 last",
                            d -> d.stage("s4").orElseThrow().equals(new PipelineStage("s4", "قرارداد", 3, 30))));
        }

        @Test
        void aStageGoesAtTheZeroBasedPositionGiven() {
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "مذاکره", null, 1, NOW, "manager"))
                    .expectEvents(new StageAdded(ORG, P, "s4", "مذاکره", null, List.of("s1", "s4", "s2", "s3"), NOW,
                            "manager"));
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "اول", null, 0, NOW, "manager"))
                    .expectEvents(new StageAdded(ORG, P, "s4", "اول", null, List.of("s4", "s1", "s2", "s3"), NOW,
                            "manager"));
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "آخر", null, 3, NOW, "manager"))
                    .expectEvents(new StageAdded(ORG, P, "s4", "آخر", null, List.of("s1", "s2", "s3", "s4"), NOW,
                            "manager"));
        }

        @Test
        void aPositionBeyondTheStagesIsInvalid() {
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "x", null, 4, NOW, "manager"))
                    .expectException(invalidField("position"))
                    .expectNoEvents();
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "x", null, -1, NOW, "manager"))
                    .expectException(invalidField("position"))
                    .expectNoEvents();
        }

        @Test
        void anAddedStageNeedsAUniqueName() {
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "جلسه", null, null, NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(created(), new StageAdded(ORG, P, "s4", "Demo", null, List.of("s1", "s2", "s3", "s4"),
                            NOW, "manager"))
                    .when(new AddStage(P, ORG, "s5", "demo", null, null, NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAddedStageNeedsAValidNameAndRotting() {
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", " ", null, null, NOW, "manager"))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
            fixture.given(created())
                    .when(new AddStage(P, ORG, "s4", "x", 0, null, NOW, "manager"))
                    .expectException(invalidField("rottenAfterDays"))
                    .expectNoEvents();
        }
    }

    @Nested
    class UpdatingStages {

        @Test
        void aStageCanBeRenamedAndTheEventCarriesBothValues() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "s2", Change.to("جلسه معرفی"), Change.keep(), NOW, "manager"))
                    .expectEvents(new StageUpdated(ORG, P, "s2", "جلسه معرفی", 7, NOW, "manager"));
        }

        @Test
        void nullRottingTurnsRottingOff() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "s2", Change.keep(), Change.to(null), NOW, "manager"))
                    .expectEvents(new StageUpdated(ORG, P, "s2", "جلسه", null, NOW, "manager"));
        }

        @Test
        void aStageNameCannotBeCleared() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "s2", Change.to(null), Change.keep(), NOW, "manager"))
                    .expectException(invalidField("name"))
                    .expectNoEvents();
        }

        @Test
        void aStageCannotTakeAnotherStagesName() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "s2", Change.to("سرنخ"), Change.keep(), NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aStageMayChangeTheCaseOfItsOwnName() {
            fixture.given(new PipelineCreated(ORG, P, "Sales", List.of(new PipelineStage("s1", "lead", 0, null)),
                            NOW, "manager"))
                    .when(new UpdateStage(P, ORG, "s1", Change.to("Lead"), Change.keep(), NOW, "manager"))
                    .expectEvents(new StageUpdated(ORG, P, "s1", "Lead", null, NOW, "manager"));
        }

        @Test
        void anUpdateThatChangesNothingRecordsNothing() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "s2", Change.to("جلسه"), Change.to(7), NOW, "manager"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rottingStaysWithinItsRange() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "s2", Change.keep(), Change.to(3651), NOW, "manager"))
                    .expectException(invalidField("rottenAfterDays"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownStageIsNotFound() {
            fixture.given(created())
                    .when(new UpdateStage(P, ORG, "nope", Change.to("x"), Change.keep(), NOW, "manager"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Reordering {

        @Test
        void aPermutationOfTheStagesReordersThem() {
            fixture.given(created())
                    .when(new ReorderStages(P, ORG, List.of("s3", "s1", "s2"), NOW, "manager"))
                    .expectEvents(new StagesReordered(ORG, P, List.of("s3", "s1", "s2"), NOW, "manager"))
                    .expectResultMessagePayloadMatching(details("s3 first",
                            d -> d.stages().get(0).stageId().equals("s3") && d.stages().get(0).order() == 0));
        }

        @Test
        void anythingButAPermutationIsInvalid() {
            List<List<String>> wrong = List.of(List.of("s1", "s2"), List.of("s1", "s2", "s2"),
                    List.of("s1", "s2", "s3", "s4"), List.of("s1", "s2", "other"), List.of());
            for (List<String> stageIds : wrong) {
                fixture.given(created())
                        .when(new ReorderStages(P, ORG, stageIds, NOW, "manager"))
                        .expectException(invalidField("stageIds"))
                        .expectNoEvents();
            }
        }

        @Test
        void theCurrentOrderRecordsNothing() {
            fixture.given(created())
                    .when(new ReorderStages(P, ORG, List.of("s1", "s2", "s3"), NOW, "manager"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theOrderFollowsAddedAndRemovedStages() {
            fixture.given(created(),
                            new StageAdded(ORG, P, "s4", "x", null, List.of("s1", "s4", "s2", "s3"), NOW, "m"),
                            new StageRemoved(ORG, P, "s2", null, List.of("s1", "s4", "s3"), NOW, "m"))
                    .when(new ReorderStages(P, ORG, List.of("s1", "s4", "s3"), NOW, "manager"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RemovingStages {

        @Test
        void anEmptyStageIsRemoved() {
            fixture.given(created())
                    .when(new RemoveStage(P, ORG, "s2", null, 0, NOW, "manager"))
                    .expectEvents(new StageRemoved(ORG, P, "s2", null, List.of("s1", "s3"), NOW, "manager"));
        }

        @Test
        void aStageStillHoldingDealsIsNotRemoved() {
            fixture.given(created())
                    .when(new RemoveStage(P, ORG, "s2", null, 2, NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            fixture.given(created())
                    .when(new RemoveStage(P, ORG, "s2", "s1", 1, NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aStageWhoseDealsWereMovedRecordsWhereTheyWent() {
            fixture.given(created())
                    .when(new RemoveStage(P, ORG, "s1", "s3", 0, NOW, "manager"))
                    .expectEvents(new StageRemoved(ORG, P, "s1", "s3", List.of("s2", "s3"), NOW, "manager"));
        }

        @Test
        void theTargetIsAnotherStageOfThePipeline() {
            fixture.given(created())
                    .when(new RemoveStage(P, ORG, "s1", "s1", 0, NOW, "manager"))
                    .expectException(invalidField("moveDealsTo"))
                    .expectNoEvents();
            fixture.given(created())
                    .when(new RemoveStage(P, ORG, "s1", "elsewhere", 0, NOW, "manager"))
                    .expectException(invalidField("moveDealsTo"))
                    .expectNoEvents();
        }

        @Test
        void aPipelineKeepsItsLastStage() {
            fixture.given(created(), new StageRemoved(ORG, P, "s1", null, List.of("s2", "s3"), NOW, "m"),
                            new StageRemoved(ORG, P, "s2", null, List.of("s3"), NOW, "m"))
                    .when(new RemoveStage(P, ORG, "s3", null, 0, NOW, "manager"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void aRemovedStageIsUnknown() {
            fixture.given(created(), new StageRemoved(ORG, P, "s1", null, List.of("s2", "s3"), NOW, "m"))
                    .when(new RemoveStage(P, ORG, "s1", null, 0, NOW, "manager"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
            fixture.given(created(), new StageRemoved(ORG, P, "s1", null, List.of("s2", "s3"), NOW, "m"))
                    .when(new AddStage(P, ORG, "s4", "سرنخ", null, null, NOW, "manager"))
                    .expectEvents(new StageAdded(ORG, P, "s4", "سرنخ", null, List.of("s2", "s3", "s4"), NOW,
                            "manager"));
        }
    }
}
