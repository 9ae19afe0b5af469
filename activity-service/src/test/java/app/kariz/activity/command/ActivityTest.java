package app.kariz.activity.command;

import app.kariz.activity.command.Activity.CompletedActivity;
import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CancellationReason;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.type.command.ActivityType;
import app.kariz.activity.type.command.InMemoryActivityTypes;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Predicate;

import static app.kariz.activity.command.Postponement.until;

/** Scheduling, completing, postponing to a date and cancelling; see also the postponement and edit tests. */
class ActivityTest {

    static final String ORG = "org-1";
    static final String DEAL = "deal-1";
    static final String CALL = "activity-1";
    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final String TEHRAN = "Asia/Tehran";
    static final Due TOMORROW_ALL_DAY = new Due(LocalDate.parse("2026-11-27"), null, TEHRAN);

    private AggregateTestFixture<Activity> fixture;
    private InMemoryActivityTypes types;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        types = new InMemoryActivityTypes(ORG);
        fixture.registerInjectableResource(types);
    }

    static ActivityScheduled scheduled(String type, Due due) {
        return new ActivityScheduled(ORG, CALL, DEAL, type, "تماس پیگیری", due, 30, "owner-1", null, null, NOW,
                "user-1");
    }

    static Due allDay(String date) {
        return new Due(LocalDate.parse(date), null, TEHRAN);
    }

    static Due at(String date, String time, String zone) {
        return new Due(LocalDate.parse(date), LocalTime.parse(time), zone);
    }

    static <T> Matcher<T> payload(String description, Predicate<T> check) {
        return new CustomTypeSafeMatcher<T>(description) {
            @Override
            protected boolean matchesSafely(T item) {
                return check.test(item);
            }
        };
    }

    private static ScheduleActivity schedule(String type, String subject, Integer durationMinutes, String note,
                                             String location) {
        return new ScheduleActivity(CALL, ORG, DEAL, type, subject, TOMORROW_ALL_DAY, durationMinutes, "owner-1",
                note, location, NOW, "user-1");
    }

    // Scheduling

    @Test
    void schedulingAnActivityRecordsItsDueInItsOwnTimeZone() {
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس پیگیری", 30, " ", " "))
                .expectEvents(scheduled("call", TOMORROW_ALL_DAY));
    }

    @Test
    void schedulingRecordsWhereTheActivityTakesPlace() {
        fixture.givenNoPriorActivity()
                .when(schedule("meeting", "جلسه معرفی", 60, "با مدیر فنی", "  دفتر مرکزی، تهران  "))
                .expectEvents(new ActivityScheduled(ORG, CALL, DEAL, "meeting", "جلسه معرفی", TOMORROW_ALL_DAY, 60,
                        "owner-1", "با مدیر فنی", "دفتر مرکزی، تهران", NOW, "user-1"));
    }

    @Test
    void anUnknownTypeCannotBeScheduled() {
        fixture.givenNoPriorActivity()
                .when(schedule("fax", "?", null, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("type: is not an activity type of this organisation")
                .expectNoEvents();
    }

    @Test
    void aTypeTheOrganisationDeactivatedCannotBeScheduled() {
        types.with(new ActivityType("email", "Email", true, false));

        fixture.givenNoPriorActivity()
                .when(schedule("email", "ارسال پیشنهاد", null, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("type: is an inactive activity type; choose an active one")
                .expectNoEvents();
    }

    @Test
    void aTypeTheOrganisationAddedCanBeScheduled() {
        types.with(new ActivityType("site-visit", "بازدید از محل", true, true));

        fixture.givenNoPriorActivity()
                .when(schedule("site-visit", "بازدید", null, null, null))
                .expectEvents(new ActivityScheduled(ORG, CALL, DEAL, "site-visit", "بازدید", TOMORROW_ALL_DAY, null,
                        "owner-1", null, null, NOW, "user-1"));
    }

    @Test
    void theSubjectHasAtMost255Characters() {
        fixture.givenNoPriorActivity()
                .when(schedule("call", "ت".repeat(256), null, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("subject: must be at most 255 characters long");
        fixture.givenNoPriorActivity()
                .when(schedule("call", "ت".repeat(255), null, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theDurationIsOneMinuteToOneDay() {
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس", 0, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("durationMinutes: must be between 1 and 1440 minutes");
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس", 1441, null, null))
                .expectException(InvalidInputException.class);
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس", 1440, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theNoteHasAtMost10000CharactersAndTheLocation255() {
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس", null, "ی".repeat(10_001), null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("note: must be at most 10000 characters long");
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس", null, null, "ی".repeat(256)))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("location: must be at most 255 characters long");
        fixture.givenNoPriorActivity()
                .when(schedule("call", "تماس", null, "ی".repeat(10_000), "ی".repeat(255)))
                .expectSuccessfulHandlerExecution();
    }

    // Completing

    @Test
    void completingACallRecordsItsResult() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "قرار جلسه هفته بعد", null, NOW, "user-1"))
                .expectEvents(new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY,
                        "قرار جلسه هفته بعد", NOW, "user-1"));
    }

    @Test
    void aCallCannotBeCompletedWithoutAResult() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, null, null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "   ", null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aResultHasAtMost2000Characters() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "ن".repeat(2_001), null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("result: must be at most 2000 characters long")
                .expectNoEvents();
    }

    @Test
    void aDeadlineNeedsNoResult() {
        fixture.given(scheduled("deadline", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, null, null, NOW, "user-1"))
                .expectEvents(new ActivityCompleted(ORG, CALL, DEAL, "deadline", "owner-1", TOMORROW_ALL_DAY, null,
                        NOW, "user-1"));
    }

    @Test
    void onceTheOrganisationMakesDeadlinesRequireAResultADeadlineIsNotDoneWithoutOne() {
        types.with(new ActivityType("deadline", "Deadline", true, true));

        fixture.given(scheduled("deadline", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, null, null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("result: is required for a deadline: write briefly what came of it")
                .expectNoEvents();
    }

    @Test
    void onceCallsNoLongerRequireAResultACallScheduledBeforeIsDoneWithoutOne() {
        types.with(new ActivityType("call", "Call", false, true));

        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, null, null, NOW, "user-1"))
                .expectEvents(new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, null,
                        NOW, "user-1"));
    }

    @Test
    void anActivityOfATypeDeactivatedSinceItWasScheduledCanStillBeDone() {
        types.with(new ActivityType("call", "Call", true, false));

        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "انجام شد", null, NOW, "user-1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDoneActivityCannotBeCompletedAgainNorPostponed() {
        ActivityCompleted done = done();
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), done)
                .when(new CompleteActivity(CALL, ORG, "again", null, NOW, "user-1"))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), done)
                .when(new PostponeActivity(CALL, ORG, until(allDay("2026-12-01")), null, NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void completingWithANextStepSchedulesItOnTheSameDealForTheSameAssignee() {
        Due nextWeek = at("2026-12-03", "10:00", TEHRAN);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "علاقه‌مند است", new NextStep("activity-2", "meeting",
                        "جلسه معرفی", nextWeek, 60, null, null, "دفتر مشتری"), NOW, "user-1"))
                .expectEvents(
                        new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, "علاقه‌مند است",
                                NOW, "user-1"),
                        new ActivityScheduled(ORG, "activity-2", DEAL, "meeting", "جلسه معرفی", nextWeek, 60,
                                "owner-1", null, "دفتر مشتری", NOW, "user-1"))
                .expectResultMessagePayloadMatching(payload("done + next", (CompletedActivity completed) ->
                        completed.activity().status() == ActivityStatus.DONE
                                && completed.next().id().equals("activity-2")
                                && completed.next().status() == ActivityStatus.OPEN
                                && completed.next().location().equals("دفتر مشتری")));
    }

    @Test
    void anInvalidNextStepLeavesTheActivityOpen() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "ok", new NextStep("activity-2", "fax", "?",
                        TOMORROW_ALL_DAY, null, null, null, null), NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("next.type: is not an activity type of this organisation")
                .expectNoEvents();
    }

    @Test
    void aNextStepOfAnInactiveTypeLeavesTheActivityOpen() {
        types.with(new ActivityType("meeting", "Meeting", true, false));

        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "ok", new NextStep("activity-2", "meeting", "جلسه",
                        TOMORROW_ALL_DAY, null, null, null, null), NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("next.type: is an inactive activity type; choose an active one")
                .expectNoEvents();
    }

    @Test
    void aNextStepWithTooLongASubjectLeavesTheActivityOpen() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "ok", new NextStep("activity-2", "meeting", "ج".repeat(256),
                        TOMORROW_ALL_DAY, null, null, null, null), NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("next.subject: must be at most 255 characters long")
                .expectNoEvents();
    }

    // Postponing to a date

    @Test
    void postponingMovesTheDueAndKeepsTheActivityOpen() {
        Due later = at("2026-11-28", "09:30", TEHRAN);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, until(later), "مشتری در سفر است", NOW, "user-1"))
                .expectEvents(new ActivityPostponed(ORG, CALL, DEAL, "owner-1", TOMORROW_ALL_DAY, later,
                        "مشتری در سفر است", NOW, "user-1"))
                .expectResultMessagePayloadMatching(payload("postponed once", (ActivityDetails details) ->
                        details.postponeCount() == 1 && details.dueDate().equals(later.date())
                                && details.status() == ActivityStatus.OPEN));
    }

    @Test
    void postponingToAnEarlierDueIsRefused() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, until(allDay("2026-11-26")), null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("dueDate: must be later than the current due (2026-11-27 Asia/Tehran); an "
                        + "all-day activity is due at the end of its day")
                .expectNoEvents();
    }

    @Test
    void postponingToTheSameDueIsRefused() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, until(TOMORROW_ALL_DAY), null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aReasonHasAtMost500Characters() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, until(allDay("2026-11-28")), "د".repeat(501), NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("reason: must be at most 500 characters long")
                .expectNoEvents();
    }

    @Test
    void anotherOrganisationsActivityLooksLikeItDoesNotExist() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, "org-2", "x", null, NOW, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // Cancelling

    private static ActivityCancelled cancelled(String reason, String by) {
        return new ActivityCancelled(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, reason, NOW, by);
    }

    static ActivityCompleted done() {
        return new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, "ok", NOW, "user-1");
    }

    @Test
    void cancellingAnOpenActivityRecordsWhoCancelledItAndWhy() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CancelActivity(CALL, ORG, CancellationReason.BY_USER, NOW, "user-1"))
                .expectEvents(cancelled("BY_USER", "user-1"))
                .expectResultMessagePayloadMatching(payload("cancelled", (ActivityDetails details) ->
                        details.status() == ActivityStatus.CANCELLED && details.id().equals(CALL)
                                && details.dealId().equals(DEAL)));
    }

    @Test
    void aDealsDeletionCancelsItsActivityInTheNameOfWhoeverDeletedTheDeal() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CancelActivity(CALL, ORG, CancellationReason.DEAL_DELETED, NOW, "manager-1"))
                .expectEvents(cancelled("DEAL_DELETED", "manager-1"));
    }

    @Test
    void aDoneActivityCannotBeCancelled() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), done())
                .when(new CancelActivity(CALL, ORG, CancellationReason.BY_USER, NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aCancelledActivityCannotBeCancelledAgain() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), cancelled("BY_USER", "user-1"))
                .when(new CancelActivity(CALL, ORG, CancellationReason.DEAL_DELETED, NOW, "manager-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aCancelledActivityCannotBeCompleted() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), cancelled("BY_USER", "user-1"))
                .when(new CompleteActivity(CALL, ORG, "done anyway", null, NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aCancelledActivityCannotBePostponed() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), cancelled("BY_USER", "user-1"))
                .when(new PostponeActivity(CALL, ORG, until(allDay("2026-12-01")), null, NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anotherOrganisationCannotCancelAnActivity() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CancelActivity(CALL, "org-2", CancellationReason.BY_USER, NOW, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // Only one's own activities (a restricted member: onlyAssignedTo)

    @Test
    void anActivityAssignedToSomeoneElseLooksLikeItDoesNotExist() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CancelActivity(CALL, ORG, "owner-2", CancellationReason.BY_USER, NOW, "owner-2"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, "owner-2", until(allDay("2026-11-28")), null, NOW, "owner-2"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void itsAssigneeActsOnIt() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "owner-1", "done", null, NOW, "owner-1"))
                .expectEvents(new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, "done", NOW,
                        "owner-1"));
    }

    @Test
    void aNextStepIsScheduledOnlyForItsAssigneeItself() {
        NextStep forColleague = new NextStep("activity-2", "call", "بعدی", allDay("2026-12-01"), null, "owner-2",
                null, null);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "owner-1", "done", forColleague, NOW, "owner-1"))
                .expectException(payload("forbidden next.assigneeId", (Exception e) ->
                        e instanceof ForbiddenException forbidden
                                && forbidden.error().orElseThrow().field().equals("next.assigneeId")))
                .expectNoEvents();
    }
}
