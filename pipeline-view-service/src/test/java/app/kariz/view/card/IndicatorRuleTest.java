package app.kariz.view.card;

import app.kariz.events.activity.Due;
import app.kariz.view.SettableClock;
import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorRuleTest {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final IndicatorRule rule = new IndicatorRule(clock);

    @Test
    void aWonOrLostDealShowsNoIndicatorEvenWithAnOverdueActivity() {
        ActivitySummary overdue = summaryOf(new Due(LocalDate.parse("2026-11-01"), null, "Asia/Tehran"));
        clock.set(Instant.parse("2026-11-27T08:00:00Z"));

        assertThat(ofDeal(DealStatus.WON, overdue)).isNull();
        assertThat(ofDeal(DealStatus.LOST, overdue)).isNull();
        assertThat(ofDeal(DealStatus.OPEN, overdue)).isEqualTo(Indicator.OVERDUE);
    }

    @Test
    void anOpenDealWithoutOpenActivityNeedsOne() {
        clock.set(Instant.parse("2026-11-27T08:00:00Z"));

        assertThat(ofDeal(DealStatus.OPEN, ActivitySummary.of(List.of(), 3))).isEqualTo(Indicator.NO_ACTIVITY);
    }

    @ParameterizedTest(name = "all-day on 2026-11-27 in Tehran, at {0} local: {1}")
    @CsvSource({
            "2026-11-26T23:59, PLANNED",
            "2026-11-27T00:00, TODAY",
            "2026-11-27T00:01, TODAY",
            "2026-11-27T23:59, TODAY",
            "2026-11-28T00:00, OVERDUE",
            "2026-11-28T00:01, OVERDUE"})
    void anAllDayActivityIsTodayOnItsDateAndOverdueFromTheNextInItsOwnZone(LocalDateTime localNow,
                                                                           Indicator expected) {
        ActivitySummary allDay = summaryOf(new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran"));
        clock.set(localNow.atZone(TEHRAN).toInstant());

        assertThat(ofDeal(DealStatus.OPEN, allDay)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "timed 14:30 on 2026-11-27 in Tehran, at {0} local: {1}")
    @CsvSource({
            "2026-11-26T23:59, PLANNED",
            "2026-11-27T00:00, TODAY",
            "2026-11-27T14:29, TODAY",
            "2026-11-27T14:30, OVERDUE",
            "2026-11-27T14:31, OVERDUE"})
    void aTimedActivityIsOverdueFromItsDueInstant(LocalDateTime localNow, Indicator expected) {
        ActivitySummary timed = summaryOf(new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("14:30"),
                "Asia/Tehran"));
        clock.set(localNow.atZone(TEHRAN).toInstant());

        assertThat(ofDeal(DealStatus.OPEN, timed)).isEqualTo(expected);
    }

    /** 29 March 2026 in Berlin has 23 hours, 25 October 2026 has 25: a day is not 24 hours from its start. */
    @ParameterizedTest(name = "all-day on {0} in Berlin, at {1} UTC: {2}")
    @CsvSource({
            "2026-03-29, 2026-03-28T22:59:00Z, PLANNED",
            "2026-03-29, 2026-03-28T23:00:00Z, TODAY",
            "2026-03-29, 2026-03-29T21:59:00Z, TODAY",
            "2026-03-29, 2026-03-29T22:00:00Z, OVERDUE",
            "2026-10-25, 2026-10-24T21:59:00Z, PLANNED",
            "2026-10-25, 2026-10-24T22:00:00Z, TODAY",
            "2026-10-25, 2026-10-25T22:30:00Z, TODAY",
            "2026-10-25, 2026-10-25T23:00:00Z, OVERDUE"})
    void anAllDayActivityOnADaylightSavingChangeLastsTheWholeLocalDay(LocalDate dueDate, Instant now,
                                                                     Indicator expected) {
        ActivitySummary allDay = summaryOf(new Due(dueDate, null, "Europe/Berlin"));
        clock.set(now);

        assertThat(ofDeal(DealStatus.OPEN, allDay)).isEqualTo(expected);
    }

    @Test
    void aTimedActivityInTheSkippedHourOfADaylightSavingChangeIsDueAnHourLater() {
        // 02:30 does not exist in Berlin on 29 March 2026; java.time reads it as 03:30 CEST (01:30 UTC).
        ActivitySummary timed = summaryOf(new Due(LocalDate.parse("2026-03-29"), LocalTime.parse("02:30"),
                "Europe/Berlin"));

        clock.set(Instant.parse("2026-03-29T01:29:00Z"));
        assertThat(ofDeal(DealStatus.OPEN, timed)).isEqualTo(Indicator.TODAY);
        clock.set(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(ofDeal(DealStatus.OPEN, timed)).isEqualTo(Indicator.OVERDUE);
    }

    @Test
    void aDealWithActivitiesInTwoTimeZonesShowsTheMostUrgentAndPointsAtTheFirstDue() {
        ScheduledActivity tehranAllDay = activity("tehran-all-day",
                new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran"));
        ScheduledActivity berlinMorning = activity("berlin-09-00",
                new Due(LocalDate.parse("2026-11-27"), LocalTime.parse("09:00"), "Europe/Berlin"));
        ActivitySummary both = ActivitySummary.of(List.of(tehranAllDay, berlinMorning), 0);

        // Both are due on the 27th, but Berlin's 09:00 (08:00 UTC) comes before the end of Tehran's day (20:30 UTC).
        assertThat(both.nextActivity()).isEqualTo(berlinMorning);

        // 00:30 on the 27th in Tehran is still 22:00 on the 26th in Berlin: the Tehran task is due today, the
        // Berlin call only tomorrow.
        clock.set(LocalDateTime.parse("2026-11-27T00:30").atZone(TEHRAN).toInstant());
        assertThat(ofDeal(DealStatus.OPEN, both)).isEqualTo(Indicator.TODAY);
        assertThat(rule.ofActivity(berlinMorning.due().todayFrom(), berlinMorning.due().overdueFrom()))
                .isEqualTo(Indicator.PLANNED);

        // A minute after 09:00 in Berlin the call is overdue, while the Tehran task (11:31 there) is still today.
        clock.set(LocalDateTime.parse("2026-11-27T09:01").atZone(BERLIN).toInstant());
        assertThat(ofDeal(DealStatus.OPEN, both)).isEqualTo(Indicator.OVERDUE);
        assertThat(rule.ofActivity(tehranAllDay.due().todayFrom(), tehranAllDay.due().overdueFrom()))
                .isEqualTo(Indicator.TODAY);
    }

    @Test
    void anActivityLaterThanTodayIsPlanned() {
        ActivitySummary nextWeek = summaryOf(new Due(LocalDate.parse("2026-12-04"), LocalTime.parse("10:00"),
                "Asia/Tehran"));
        clock.set(Instant.parse("2026-11-27T08:00:00Z"));

        assertThat(ofDeal(DealStatus.OPEN, nextWeek)).isEqualTo(Indicator.PLANNED);
    }

    private Indicator ofDeal(DealStatus status, ActivitySummary activities) {
        return activities.indicator(status, rule, rule.now());
    }

    private static ActivitySummary summaryOf(Due due) {
        return ActivitySummary.of(List.of(activity("activity-1", due)), 0);
    }

    private static ScheduledActivity activity(String id, Due due) {
        return new ScheduledActivity(id, "call", "Follow up", due, Instant.parse("2026-11-01T00:00:00Z"));
    }
}
