package app.kariz.view.card;

import java.time.Clock;
import java.time.Instant;

/**
 * The contract's indicator rules, judged at read time: whether an activity is "today" or "overdue" changes
 * with the clock, not with events. The per-activity instants come from {@code Due}, which already applies each
 * activity's own time zone, so this class only compares instants.
 */
public final class IndicatorRule {

    private final Clock clock;

    public IndicatorRule(Clock clock) {
        this.clock = clock;
    }

    /**
     * The instant indicators are judged at. A read that both queries by indicator and shows indicators takes it
     * once and passes it on, so a card can never be found in one bucket and shown in another.
     */
    public Instant now() {
        return clock.instant();
    }

    /** Null for a won or lost deal, which shows no indicator. */
    public Indicator ofDeal(DealStatus status, ActivitySummary activities) {
        return ofDeal(status, activities, now());
    }

    /** {@link #ofDeal(DealStatus, ActivitySummary)} at the given instant. */
    public Indicator ofDeal(DealStatus status, ActivitySummary activities, Instant now) {
        if (status != DealStatus.OPEN) {
            return null;
        }
        if (!activities.hasOpenActivity()) {
            return Indicator.NO_ACTIVITY;
        }
        // The most urgent state among the open activities: overdue if the first to turn overdue has, else
        // today if the first to start its day has.
        return ofActivity(activities.todayAt(), activities.overdueAt(), now);
    }

    /** The state of one open activity due today from {@code todayFrom} and overdue from {@code overdueFrom}. */
    public Indicator ofActivity(Instant todayFrom, Instant overdueFrom) {
        return ofActivity(todayFrom, overdueFrom, now());
    }

    /** {@link #ofActivity(Instant, Instant)} at the given instant. */
    public Indicator ofActivity(Instant todayFrom, Instant overdueFrom, Instant now) {
        if (!overdueFrom.isAfter(now)) {
            return Indicator.OVERDUE;
        }
        if (!todayFrom.isAfter(now)) {
            return Indicator.TODAY;
        }
        return Indicator.PLANNED;
    }
}
