package app.kariz.activity.command;

import app.kariz.activity.command.ActivityCommands.PostponeActivity;
import app.kariz.activity.type.command.ActivityTypes;
import app.kariz.events.activity.ActivityPostponed;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.kernel.InvalidInputException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * "Postponed" means due later, compared as instants: an all-day activity counts as due at the end of its day in
 * its own zone, a timed one at its wall time in its zone. Postponing {@code by} a duration moves the date part on
 * the wall clock and the time part as elapsed time (see {@link DueShift}).
 */
class ActivityPostponementTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final String NEW_YORK = "America/New_York";
    private static final String LONDON = "Europe/London";

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(ActivityTypes.defaultsOnly());
    }

    private static ActivityScheduled scheduled(Due due) {
        return ActivityTest.scheduled("call", due);
    }

    private static PostponeActivity postpone(Postponement to) {
        return new PostponeActivity(CALL, ORG, to, null, NOW, "user-1");
    }

    private static ActivityPostponed postponed(Due from, Due to) {
        return new ActivityPostponed(ORG, CALL, DEAL, "owner-1", from, to, null, NOW, "user-1");
    }

    private void expectMoved(Due from, String by, Due to) {
        fixture.given(scheduled(from))
                .when(postpone(DueShift.parse(by)))
                .expectEvents(postponed(from, to));
    }

    private void expectRefused(Due from, Postponement to, String field) {
        fixture.given(scheduled(from))
                .when(postpone(to))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(payload("refusal naming " + field,
                        (String message) -> message.startsWith(field + ": ")))
                .expectNoEvents();
    }

    // Later, across zones and between all-day and timed

    @Test
    void laterIsJudgedByInstantAcrossTimeZones() {
        Due tehranTen = at("2026-11-27", "10:00", TEHRAN);
        // 08:00 in London is 11:30 in Tehran: later, although the wall clock reads earlier.
        Due londonEight = at("2026-11-27", "08:00", LONDON);
        fixture.given(scheduled(tehranTen))
                .when(postpone(until(londonEight)))
                .expectEvents(postponed(tehranTen, londonEight));
        // 06:00 in London is 09:30 in Tehran: earlier.
        expectRefused(tehranTen, until(at("2026-11-27", "06:00", LONDON)), "dueDate");
    }

    @Test
    void aLaterWallTimeInAZoneFurtherEastCanStillBeEarlier() {
        // 10:00 in Tehran is 06:30 UTC, before 08:00 in London.
        expectRefused(at("2026-11-27", "08:00", LONDON), until(at("2026-11-27", "10:00", TEHRAN)), "dueDate");
    }

    @Test
    void anAllDayActivityIsDueAtTheEndOfItsDaySoATimeOnThatDayIsNotLater() {
        expectRefused(allDay("2026-11-27"), until(at("2026-11-27", "23:59", TEHRAN)), "dueDate");
    }

    @Test
    void anAllDayActivityMovedToATimeOnTheNextDayIsLater() {
        Due allDay = allDay("2026-11-27");
        Due nextMorning = at("2026-11-28", "00:30", TEHRAN);
        fixture.given(scheduled(allDay))
                .when(postpone(until(nextMorning)))
                .expectEvents(postponed(allDay, nextMorning));
    }

    @Test
    void anAllDayActivityMovedToATimeInAZoneFurtherWestIsLaterWhenThatTimeIsAfterTheEndOfItsDay() {
        // The Tehran day 2026-11-27 ends at 20:30 UTC; 21:00 in London that same date is after it.
        Due allDay = allDay("2026-11-27");
        Due londonNine = at("2026-11-27", "21:00", LONDON);
        fixture.given(scheduled(allDay))
                .when(postpone(until(londonNine)))
                .expectEvents(postponed(allDay, londonNine));
        expectRefused(allDay, until(at("2026-11-27", "20:00", LONDON)), "dueDate");
    }

    @Test
    void aTimedActivityMadeAllDayOnItsDateIsLaterSinceItIsThenDueAtTheEndOfTheDay() {
        Due tenOClock = at("2026-11-27", "10:00", TEHRAN);
        fixture.given(scheduled(tenOClock))
                .when(postpone(until(allDay("2026-11-27"))))
                .expectEvents(postponed(tenOClock, allDay("2026-11-27")));
    }

    @Test
    void aNewDueWithoutAZoneKeepsTheActivitysOwnZone() {
        Due london = at("2026-11-27", "08:00", LONDON);
        Due nextDay = at("2026-11-28", "09:00", LONDON);
        fixture.given(scheduled(london))
                .when(postpone(new Postponement.Until(nextDay.date(), nextDay.time(), null)))
                .expectEvents(postponed(london, nextDay));
    }

    @Test
    void eachPostponementCounts() {
        Due first = allDay("2026-11-27");
        Due second = allDay("2026-11-28");
        fixture.given(scheduled(first), postponed(first, second))
                .when(postpone(DueShift.parse("P1D")))
                .expectEvents(postponed(second, allDay("2026-11-29")))
                .expectResultMessagePayloadMatching(payload("postponed twice",
                        (ActivityDetails details) -> details.postponeCount() == 2));
    }

    // By a duration: timed activities

    @Test
    void aTimedActivityMovesByHoursAndDaysOnItsOwnClock() {
        Due tenOClock = at("2026-11-27", "10:00", TEHRAN);
        expectMoved(tenOClock, "PT1H", at("2026-11-27", "11:00", TEHRAN));
        expectMoved(tenOClock, "PT3H", at("2026-11-27", "13:00", TEHRAN));
        expectMoved(tenOClock, "P1D", at("2026-11-28", "10:00", TEHRAN));
        expectMoved(tenOClock, "P1W", at("2026-12-04", "10:00", TEHRAN));
        expectMoved(tenOClock, "P1DT2H30M", at("2026-11-28", "12:30", TEHRAN));
        expectMoved(tenOClock, "PT15H", at("2026-11-28", "01:00", TEHRAN));
    }

    @Test
    void aDayLaterKeepsTheWallTimeAcrossTheSpringForwardChange() {
        // Europe/Berlin moves its clocks from 02:00 to 03:00 on 2026-03-29: that day has 23 hours.
        Due saturdayTen = at("2026-03-28", "10:00", BERLIN);
        expectMoved(saturdayTen, "P1D", at("2026-03-29", "10:00", BERLIN));
        expectMoved(saturdayTen, "PT24H", at("2026-03-29", "11:00", BERLIN));
    }

    @Test
    void aDayLaterKeepsTheWallTimeAcrossTheFallBackChange() {
        // Europe/Berlin moves its clocks from 03:00 back to 02:00 on 2026-10-25: that day has 25 hours.
        Due saturdayTen = at("2026-10-24", "10:00", BERLIN);
        expectMoved(saturdayTen, "P1D", at("2026-10-25", "10:00", BERLIN));
        expectMoved(saturdayTen, "PT24H", at("2026-10-25", "09:00", BERLIN));
    }

    @Test
    void anHourLaterIsAnHourOfElapsedTimeAcrossTheSpringForwardGap() {
        // America/New_York skips 02:00–03:00 on 2026-03-08: an hour after 01:30 EST is 03:30 EDT.
        expectMoved(at("2026-03-08", "01:30", NEW_YORK), "PT1H", at("2026-03-08", "03:30", NEW_YORK));
    }

    @Test
    void aDayLaterOntoAWallTimeTheGapSkipsMovesForwardByTheGap() {
        // 02:30 does not exist in New York on 2026-03-08; it becomes 03:30.
        expectMoved(at("2026-03-07", "02:30", NEW_YORK), "P1D", at("2026-03-08", "03:30", NEW_YORK));
    }

    // By a duration: all-day activities

    @Test
    void anAllDayActivityMovesByWholeDays() {
        Due allDay = allDay("2026-11-27");
        expectMoved(allDay, "P1D", allDay("2026-11-28"));
        expectMoved(allDay, "P2D", allDay("2026-11-29"));
        expectMoved(allDay, "P1W", allDay("2026-12-04"));
        expectMoved(allDay, "P1M", allDay("2026-12-27"));
    }

    @Test
    void anAllDayActivityMovesByWholeDaysAcrossADaylightSavingChange() {
        Due allDay = new Due(java.time.LocalDate.parse("2026-03-28"), null, BERLIN);
        expectMoved(allDay, "P1D", new Due(java.time.LocalDate.parse("2026-03-29"), null, BERLIN));
    }

    @Test
    void anAllDayActivityCannotMoveByHours() {
        expectRefused(allDay("2026-11-27"), DueShift.parse("PT3H"), "by");
        expectRefused(allDay("2026-11-27"), DueShift.parse("P1DT1H"), "by");
        expectRefused(allDay("2026-11-27"), DueShift.parse("PT24H"), "by");
    }

    @Test
    void aDurationBeyondTheCalendarIsRefused() {
        expectRefused(allDay("2026-11-27"), DueShift.parse("P999999999Y"), "by");
    }
}
