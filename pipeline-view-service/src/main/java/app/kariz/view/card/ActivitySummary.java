package app.kariz.view.card;

import app.kariz.view.indicator.Indicator;
import app.kariz.view.indicator.IndicatorRule;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

/**
 * What a deal card shows of the deal's activities. The indicator is not stored: it depends on the time of
 * reading, so the summary keeps the two instants it is judged by.
 *
 * @param todayAt      the earliest instant from which some open activity is due today (null without one)
 * @param overdueAt    the earliest instant from which some open activity is overdue (null without one)
 * @param nextActivity the open activity due first (null without one)
 */
public record ActivitySummary(int openActivityCount, int doneActivityCount, Instant todayAt, Instant overdueAt,
                              ScheduledActivity nextActivity) {

    public static ActivitySummary of(Collection<ScheduledActivity> open, int doneActivityCount) {
        return new ActivitySummary(open.size(), doneActivityCount,
                open.stream().map(activity -> activity.due().todayFrom()).min(Comparator.naturalOrder()).orElse(null),
                open.stream().map(activity -> activity.due().overdueFrom()).min(Comparator.naturalOrder()).orElse(null),
                open.stream().min(ScheduledActivity.EARLIEST_DUE_FIRST).orElse(null));
    }

    /**
     * When the next activity is due, for ordering cards. It equals {@link #overdueAt()} (the activity due first
     * is the one that turns overdue first) but names a different question, so each caller asks its own.
     */
    public Instant nextDueAt() {
        return nextActivity == null ? null : nextActivity.due().overdueFrom();
    }

    /** The indicator of a deal in {@code status} with these activities, judged by {@code rule} at {@code now}. */
    public Indicator indicator(DealStatus status, IndicatorRule rule, Instant now) {
        boolean open = hasOpenActivity();
        return rule.ofDeal(status == DealStatus.OPEN, open ? todayAt : null, open ? overdueAt : null, now);
    }

    public boolean hasOpenActivity() {
        return openActivityCount > 0 && todayAt != null && overdueAt != null;
    }
}
