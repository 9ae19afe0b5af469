package app.kariz.activity.command;

import app.kariz.activity.command.Activity.CompletedActivity;
import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CancellationReason;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.NextStep;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ScheduleActivity;
import app.kariz.activity.type.ActivityTypes;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.NotFoundException;
import app.kariz.support.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

class ActivityTest {

    private static final String ORG = "org-1";
    private static final String DEAL = "deal-1";
    private static final String CALL = "activity-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final String TEHRAN = "Asia/Tehran";
    private static final Due TOMORROW_ALL_DAY = new Due(LocalDate.parse("2026-11-27"), null, TEHRAN);

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(new ActivityTypes());
    }

    private static ActivityScheduled scheduled(String type, Due due) {
        return new ActivityScheduled(ORG, CALL, DEAL, type, "تماس پیگیری", due, 30, "owner-1", null, NOW,
                "user-1");
    }

    @Test
    void schedulingAnActivityRecordsItsDueInItsOwnTimeZone() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(CALL, ORG, DEAL, "call", "تماس پیگیری", TOMORROW_ALL_DAY, 30, "owner-1",
                        " ", NOW, "user-1"))
                .expectEvents(scheduled("call", TOMORROW_ALL_DAY));
    }

    @Test
    void anUnknownTypeCannotBeScheduled() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(CALL, ORG, DEAL, "fax", "?", TOMORROW_ALL_DAY, null, "owner-1", null,
                        NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

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
    }

    @Test
    void aDeadlineNeedsNoResult() {
        fixture.given(scheduled("deadline", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, null, null, NOW, "user-1"))
                .expectEvents(new ActivityCompleted(ORG, CALL, DEAL, "deadline", "owner-1", TOMORROW_ALL_DAY, null,
                        NOW, "user-1"));
    }

    @Test
    void aDoneActivityCannotBeCompletedAgainNorPostponed() {
        ActivityCompleted done = new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, "ok",
                NOW, "user-1");
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), done)
                .when(new CompleteActivity(CALL, ORG, "again", null, NOW, "user-1"))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY), done)
                .when(new PostponeActivity(CALL, ORG, new Due(LocalDate.parse("2026-12-01"), null, TEHRAN), null,
                        NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void completingWithANextStepSchedulesItOnTheSameDealForTheSameAssignee() {
        Due nextWeek = new Due(LocalDate.parse("2026-12-03"), LocalTime.of(10, 0), TEHRAN);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "علاقه‌مند است", new NextStep("activity-2", "meeting",
                        "جلسه معرفی", nextWeek, 60, null, null), NOW, "user-1"))
                .expectEvents(
                        new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, "علاقه‌مند است",
                                NOW, "user-1"),
                        new ActivityScheduled(ORG, "activity-2", DEAL, "meeting", "جلسه معرفی", nextWeek, 60,
                                "owner-1", null, NOW, "user-1"))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<CompletedActivity>("done + next") {
                    @Override
                    protected boolean matchesSafely(CompletedActivity completed) {
                        return completed.activity().status() == ActivityStatus.DONE
                                && completed.next().id().equals("activity-2")
                                && completed.next().status() == ActivityStatus.OPEN;
                    }
                });
    }

    @Test
    void anInvalidNextStepLeavesTheActivityOpen() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, ORG, "ok", new NextStep("activity-2", "fax", "?",
                        TOMORROW_ALL_DAY, null, null, null), NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void postponingMovesTheDueAndKeepsTheActivityOpen() {
        Due later = new Due(LocalDate.parse("2026-11-28"), LocalTime.of(9, 30), TEHRAN);
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, later, "مشتری در سفر است", NOW, "user-1"))
                .expectEvents(new ActivityPostponed(ORG, CALL, DEAL, "owner-1", TOMORROW_ALL_DAY, later,
                        "مشتری در سفر است", NOW, "user-1"))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<ActivityDetails>("postponed once") {
                    @Override
                    protected boolean matchesSafely(ActivityDetails details) {
                        return details.postponeCount() == 1 && details.dueDate().equals(later.date())
                                && details.status() == ActivityStatus.OPEN;
                    }
                });
    }

    @Test
    void postponingToAnEarlierDueIsRefused() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, new Due(LocalDate.parse("2026-11-26"), null, TEHRAN), null,
                        NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void anAllDayActivityIsDueAtTheEndOfItsDaySoATimeOnThatDayIsNotLater() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new PostponeActivity(CALL, ORG, new Due(TOMORROW_ALL_DAY.date(), LocalTime.of(18, 0), TEHRAN),
                        null, NOW, "user-1"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void laterIsJudgedByInstantAcrossTimeZones() {
        Due tehranTen = new Due(LocalDate.parse("2026-11-27"), LocalTime.of(10, 0), TEHRAN);
        // 08:00 in London is 11:30 in Tehran: later, although the wall clock reads earlier.
        Due londonEight = new Due(LocalDate.parse("2026-11-27"), LocalTime.of(8, 0), "Europe/London");
        // 06:00 in London is 09:30 in Tehran: earlier.
        Due londonSix = new Due(LocalDate.parse("2026-11-27"), LocalTime.of(6, 0), "Europe/London");
        fixture.given(scheduled("call", tehranTen))
                .when(new PostponeActivity(CALL, ORG, londonEight, null, NOW, "user-1"))
                .expectSuccessfulHandlerExecution();
        fixture.given(scheduled("call", tehranTen))
                .when(new PostponeActivity(CALL, ORG, londonSix, null, NOW, "user-1"))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anotherOrganisationsActivityLooksLikeItDoesNotExist() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CompleteActivity(CALL, "org-2", "x", null, NOW, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private static ActivityCancelled cancelled(String reason, String by) {
        return new ActivityCancelled(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, reason, NOW, by);
    }

    private static ActivityCompleted done() {
        return new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", TOMORROW_ALL_DAY, "ok", NOW, "user-1");
    }

    @Test
    void cancellingAnOpenActivityRecordsWhoCancelledItAndWhy() {
        fixture.given(scheduled("call", TOMORROW_ALL_DAY))
                .when(new CancelActivity(CALL, ORG, CancellationReason.BY_USER, NOW, "user-1"))
                .expectEvents(cancelled("BY_USER", "user-1"))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<ActivityDetails>("cancelled") {
                    @Override
                    protected boolean matchesSafely(ActivityDetails details) {
                        return details.status() == ActivityStatus.CANCELLED && details.id().equals(CALL)
                                && details.dealId().equals(DEAL);
                    }
                });
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
                .when(new PostponeActivity(CALL, ORG, new Due(LocalDate.parse("2026-12-01"), null, TEHRAN), null,
                        NOW, "user-1"))
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
}
