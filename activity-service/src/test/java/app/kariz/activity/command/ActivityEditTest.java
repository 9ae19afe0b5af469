package app.kariz.activity.command;

import app.kariz.activity.command.ActivityCommands.CancelActivity;
import app.kariz.activity.command.ActivityCommands.CancellationReason;
import app.kariz.activity.command.ActivityCommands.CompleteActivity;
import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.command.ActivityCommands.ReopenActivity;
import app.kariz.activity.command.ActivityCommands.UpdateActivity;
import app.kariz.activity.type.command.ActivityType;
import app.kariz.activity.type.command.InMemoryActivityTypes;
import app.kariz.events.activity.ActivityCancelled;
import app.kariz.events.activity.ActivityCompleted;
import app.kariz.events.activity.ActivityFields;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityReopened;
import app.kariz.events.activity.ActivityRescheduled;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.ActivityUpdated;
import app.kariz.events.activity.Due;
import app.kariz.kernel.Change;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static app.kariz.activity.command.ActivityTest.CALL;
import static app.kariz.activity.command.ActivityTest.DEAL;
import static app.kariz.activity.command.ActivityTest.NOW;
import static app.kariz.activity.command.ActivityTest.ORG;
import static app.kariz.activity.command.ActivityTest.TEHRAN;
import static app.kariz.activity.command.ActivityTest.allDay;
import static app.kariz.activity.command.ActivityTest.at;
import static app.kariz.activity.command.ActivityTest.payload;
import static app.kariz.activity.command.Postponement.until;

/**
 * Editing an activity ({@code PATCH}): field changes are {@code ActivityUpdated}, a due change in either direction
 * is {@code ActivityRescheduled} (not a postponement), and reopening a done one.
 */
class ActivityEditTest {

    private static final Due DUE = at("2026-11-27", "10:00", TEHRAN);
    private static final ActivityFields FIELDS = new ActivityFields("call", "تماس پیگیری", 30, "owner-1", null, null);

    private AggregateTestFixture<Activity> fixture;
    private InMemoryActivityTypes types;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        types = new InMemoryActivityTypes(ORG);
        fixture.registerInjectableResource(types);
    }

    private static ActivityScheduled scheduled() {
        return ActivityTest.scheduled("call", DUE);
    }

    private static ActivityCompleted done() {
        return new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", DUE, "ok", NOW, "user-1");
    }

    private static ActivityCancelled cancelled() {
        return new ActivityCancelled(ORG, CALL, DEAL, "call", "owner-1", DUE, "BY_USER", NOW, "user-1");
    }

    /** A PATCH that changes nothing; the {@code with…} methods add one field each. */
    private static Edit edit() {
        return new Edit(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep());
    }

    private record Edit(Change<String> type, Change<String> subject, Change<LocalDate> dueDate,
                        Change<LocalTime> dueTime, Change<String> timeZone, Change<Integer> durationMinutes,
                        Change<String> assigneeId, Change<String> note, Change<String> location) {

        Edit type(String value) {
            return new Edit(Change.to(value), subject, dueDate, dueTime, timeZone, durationMinutes, assigneeId, note,
                    location);
        }

        Edit subject(String value) {
            return new Edit(type, Change.to(value), dueDate, dueTime, timeZone, durationMinutes, assigneeId, note,
                    location);
        }

        Edit dueDate(String value) {
            return new Edit(type, subject, Change.to(value == null ? null : LocalDate.parse(value)), dueTime,
                    timeZone, durationMinutes, assigneeId, note, location);
        }

        Edit dueTime(String value) {
            return new Edit(type, subject, dueDate, Change.to(value == null ? null : LocalTime.parse(value)),
                    timeZone, durationMinutes, assigneeId, note, location);
        }

        Edit timeZone(String value) {
            return new Edit(type, subject, dueDate, dueTime, Change.to(value), durationMinutes, assigneeId, note,
                    location);
        }

        Edit durationMinutes(Integer value) {
            return new Edit(type, subject, dueDate, dueTime, timeZone, Change.to(value), assigneeId, note, location);
        }

        Edit assigneeId(String value) {
            return new Edit(type, subject, dueDate, dueTime, timeZone, durationMinutes, Change.to(value), note,
                    location);
        }

        Edit note(String value) {
            return new Edit(type, subject, dueDate, dueTime, timeZone, durationMinutes, assigneeId, Change.to(value),
                    location);
        }

        Edit location(String value) {
            return new Edit(type, subject, dueDate, dueTime, timeZone, durationMinutes, assigneeId, note,
                    Change.to(value));
        }

        UpdateActivity by(String organizationId) {
            return new UpdateActivity(CALL, organizationId, type, subject, dueDate, dueTime, timeZone,
                    durationMinutes, assigneeId, note, location, NOW, "user-1");
        }

        UpdateActivity command() {
            return by(ORG);
        }
    }

    private static ActivityUpdated updated(ActivityFields to, String... changed) {
        return new ActivityUpdated(ORG, CALL, DEAL, FIELDS, to, List.of(changed), DUE, NOW, "user-1");
    }

    private static ActivityRescheduled rescheduled(Due to) {
        return new ActivityRescheduled(ORG, CALL, DEAL, "owner-1", DUE, to, NOW, "user-1");
    }

    private void expectRefused(Edit edit, String message) {
        fixture.given(scheduled())
                .when(edit.command())
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    // Field changes

    @Test
    void editingFieldsRecordsThemBeforeAndAfterAndNamesTheChangedOnes() {
        ActivityFields to = new ActivityFields("meeting", "جلسه حضوری", 90, "owner-1", "با مدیر خرید",
                "دفتر مشتری");
        fixture.given(scheduled())
                .when(edit().type("meeting").subject("جلسه حضوری").durationMinutes(90).note("با مدیر خرید")
                        .location("دفتر مشتری").command())
                .expectEvents(updated(to, "type", "subject", "durationMinutes", "note", "location"))
                .expectResultMessagePayloadMatching(payload("edited", (ActivityDetails details) ->
                        details.type().equals("meeting") && details.location().equals("دفتر مشتری")
                                && details.dueTime().equals(DUE.time()) && details.postponeCount() == 0));
    }

    @Test
    void nullClearsAnOptionalField() {
        ActivityScheduled withEverything = new ActivityScheduled(ORG, CALL, DEAL, "call", "تماس پیگیری", DUE, 30,
                "owner-1", "یادداشت", "تهران", NOW, "user-1");
        ActivityFields before = new ActivityFields("call", "تماس پیگیری", 30, "owner-1", "یادداشت", "تهران");
        ActivityFields after = new ActivityFields("call", "تماس پیگیری", null, "owner-1", null, null);
        fixture.given(withEverything)
                .when(edit().durationMinutes(null).note(null).location("  ").command())
                .expectEvents(new ActivityUpdated(ORG, CALL, DEAL, before, after,
                        List.of("durationMinutes", "note", "location"), DUE, NOW, "user-1"));
    }

    @Test
    void reassigningRecordsTheNewAssignee() {
        fixture.given(scheduled())
                .when(edit().assigneeId("owner-2").command())
                .expectEvents(updated(new ActivityFields("call", "تماس پیگیری", 30, "owner-2", null, null),
                        "assigneeId"));
    }

    @Test
    void anEditThatChangesNothingStoresNothing() {
        fixture.given(scheduled())
                .when(edit().command())
                .expectNoEvents()
                .expectResultMessagePayloadMatching(payload("unchanged", (ActivityDetails details) ->
                        details.version() == 0 && details.subject().equals("تماس پیگیری")));
        fixture.given(scheduled())
                .when(edit().type("call").subject(" تماس پیگیری ").dueDate("2026-11-27").dueTime("10:00")
                        .timeZone(TEHRAN).durationMinutes(30).assigneeId("owner-1").note("").location(null)
                        .command())
                .expectNoEvents();
    }

    @Test
    void subjectTypeAndDueDateCannotBeCleared() {
        expectRefused(edit().subject(null), "subject: cannot be cleared; give a value or leave the field out");
        expectRefused(edit().subject("  "), "subject: must not be blank");
        expectRefused(edit().type(null), "type: cannot be cleared; give a value or leave the field out");
        expectRefused(edit().dueDate(null), "dueDate: cannot be cleared; give a value or leave the field out");
        expectRefused(edit().assigneeId(null), "assigneeId: cannot be cleared; give a value or leave the field out");
    }

    @Test
    void editedFieldsKeepTheirLimits() {
        expectRefused(edit().subject("ت".repeat(256)), "subject: must be at most 255 characters long");
        expectRefused(edit().note("ی".repeat(10_001)), "note: must be at most 10000 characters long");
        expectRefused(edit().location("ی".repeat(256)), "location: must be at most 255 characters long");
        expectRefused(edit().durationMinutes(0), "durationMinutes: must be between 1 and 1440 minutes");
        expectRefused(edit().durationMinutes(1441), "durationMinutes: must be between 1 and 1440 minutes");
    }

    @Test
    void theTypeCanOnlyChangeToAnActiveTypeOfTheOrganisation() {
        types.with(new ActivityType("email", "Email", true, false));
        expectRefused(edit().type("fax"), "type: is not an activity type of this organisation");
        expectRefused(edit().type("email"), "type: is an inactive activity type; choose an active one");
    }

    @Test
    void anActivityKeepsATypeDeactivatedSinceWhileOtherFieldsAreEdited() {
        types.with(new ActivityType("call", "Call", true, false));
        fixture.given(scheduled())
                .when(edit().type("call").subject("تماس دوم").command())
                .expectEvents(updated(new ActivityFields("call", "تماس دوم", 30, "owner-1", null, null),
                        "subject"));
    }

    @Test
    void anInvalidFieldLeavesTheDueUnchangedToo() {
        fixture.given(scheduled())
                .when(edit().dueDate("2026-12-01").subject("").command())
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    // Rescheduling

    @Test
    void reschedulingEarlierIsAllowedAndIsNoPostponement() {
        Due earlier = at("2026-11-26", "15:00", TEHRAN);
        fixture.given(scheduled())
                .when(edit().dueDate("2026-11-26").dueTime("15:00").command())
                .expectEvents(rescheduled(earlier))
                .expectResultMessagePayloadMatching(payload("rescheduled", (ActivityDetails details) ->
                        details.dueDate().equals(earlier.date()) && details.dueTime().equals(earlier.time())
                                && details.postponeCount() == 0));
    }

    @Test
    void reschedulingLaterIsNoPostponementEither() {
        Due later = at("2026-12-01", "10:00", TEHRAN);
        fixture.given(scheduled(), new ActivityPostponed(ORG, CALL, DEAL, "owner-1", allDay("2026-11-20"), DUE, null,
                        NOW, "user-1"))
                .when(edit().dueDate("2026-12-01").command())
                .expectEvents(rescheduled(later))
                .expectResultMessagePayloadMatching(payload("postponed once only",
                        (ActivityDetails details) -> details.postponeCount() == 1));
    }

    @Test
    void aNullDueTimeMakesTheActivityAllDay() {
        fixture.given(scheduled())
                .when(edit().dueTime(null).command())
                .expectEvents(rescheduled(allDay("2026-11-27")));
    }

    @Test
    void anotherTimeZoneIsADueChange() {
        fixture.given(scheduled())
                .when(edit().timeZone("Europe/London").command())
                .expectEvents(rescheduled(at("2026-11-27", "10:00", "Europe/London")));
    }

    @Test
    void fieldChangesAndADueChangeAreTwoEventsUpdatedFirst() {
        ActivityFields to = new ActivityFields("call", "تماس فوری", 30, "owner-2", null, null);
        Due earlier = allDay("2026-11-26");
        fixture.given(scheduled())
                .when(edit().subject("تماس فوری").assigneeId("owner-2").dueDate("2026-11-26").dueTime(null)
                        .command())
                .expectEvents(updated(to, "subject", "assigneeId"),
                        new ActivityRescheduled(ORG, CALL, DEAL, "owner-2", DUE, earlier, NOW, "user-1"));
    }

    // Done and cancelled activities

    @Test
    void aDoneActivitysFieldsCanBeCorrected() {
        ActivityFields to = new ActivityFields("meeting", "جلسه پیگیری", 45, "owner-2", "اصلاح", "دفتر");
        fixture.given(scheduled(), done())
                .when(edit().type("meeting").subject("جلسه پیگیری").durationMinutes(45).assigneeId("owner-2")
                        .note("اصلاح").location("دفتر").command())
                .expectEvents(updated(to, "type", "subject", "durationMinutes", "assigneeId", "note", "location"))
                .expectResultMessagePayloadMatching(payload("still done", (ActivityDetails details) ->
                        details.status() == ActivityStatus.DONE && "ok".equals(details.result())));
    }

    @Test
    void aDoneActivityCannotBeRescheduled() {
        fixture.given(scheduled(), done())
                .when(edit().subject("x").dueDate("2026-12-01").command())
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The activity is done; only open activities can be rescheduled")
                .expectNoEvents();
    }

    @Test
    void aDoneActivityMayRepeatItsDue() {
        fixture.given(scheduled(), done())
                .when(edit().dueDate("2026-11-27").dueTime("10:00").subject("تماس").command())
                .expectEvents(updated(new ActivityFields("call", "تماس", 30, "owner-1", null, null), "subject"));
    }

    @Test
    void aCancelledActivityCannotBeEdited() {
        fixture.given(scheduled(), cancelled())
                .when(edit().subject("x").command())
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(scheduled(), cancelled())
                .when(edit().command())
                .expectException(RuleViolationException.class);
    }

    @Test
    void anotherOrganisationCannotEditAnActivity() {
        fixture.given(scheduled())
                .when(edit().subject("x").by("org-2"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // Reopening

    @Test
    void reopeningADoneActivityMakesItOpenAndClearsItsResult() {
        fixture.given(scheduled(), done())
                .when(new ReopenActivity(CALL, ORG, NOW, "user-2"))
                .expectEvents(new ActivityReopened(ORG, CALL, DEAL, "call", "owner-1", DUE, NOW, "user-2"))
                .expectResultMessagePayloadMatching(payload("open again", (ActivityDetails details) ->
                        details.status() == ActivityStatus.OPEN && details.result() == null
                                && details.completedAt() == null));
    }

    @Test
    void aReopenedActivityCanBePostponedAndDoneAgain() {
        ActivityReopened reopened = new ActivityReopened(ORG, CALL, DEAL, "call", "owner-1", DUE, NOW, "user-1");
        fixture.given(scheduled(), done(), reopened)
                .when(new PostponeActivity(CALL, ORG, until(allDay("2026-11-28")), null, NOW, "user-1"))
                .expectSuccessfulHandlerExecution();
        fixture.given(scheduled(), done(), reopened)
                .when(new CompleteActivity(CALL, ORG, "این بار واقعاً انجام شد", null, NOW, "user-1"))
                .expectEvents(new ActivityCompleted(ORG, CALL, DEAL, "call", "owner-1", DUE,
                        "این بار واقعاً انجام شد", NOW, "user-1"));
    }

    @Test
    void onlyADoneActivityCanBeReopened() {
        fixture.given(scheduled())
                .when(new ReopenActivity(CALL, ORG, NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("The activity is open; only a done activity can be reopened")
                .expectNoEvents();
        fixture.given(scheduled(), cancelled())
                .when(new ReopenActivity(CALL, ORG, NOW, "user-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anotherOrganisationCannotReopenAnActivity() {
        fixture.given(scheduled(), done())
                .when(new ReopenActivity(CALL, "org-2", NOW, "intruder"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aReopenedActivityCanBeCancelled() {
        fixture.given(scheduled(), done(), new ActivityReopened(ORG, CALL, DEAL, "call", "owner-1", DUE, NOW,
                        "user-1"))
                .when(new CancelActivity(CALL, ORG, CancellationReason.BY_USER, NOW, "user-1"))
                .expectSuccessfulHandlerExecution();
    }
}
