package app.kariz.view.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Pipedrive's "rotting", judged at read time like the indicator: an open deal is rotten once more than the
 * stage's {@code rottenAfterDays} have passed since it was last touched. A day is 24 hours from the touch (an
 * instant, not a calendar day in some zone), and the boundary itself is not yet rotten: a deal touched at
 * 10:00 on a 3-day stage is rotten from one millisecond after 10:00 three days later.
 *
 * <p>Touches ({@link DealCards#lastTouchedAt}): opening the deal, entering its current stage (any move), an
 * edit, reopening a won or lost deal (it starts afresh on its stage), and completing one of its activities.
 * Scheduling, postponing, rescheduling, editing or cancelling an activity is not a touch: it only promises work.
 * Reopening a done activity takes its completion's touch back: the deal was last touched as if it had never
 * been ticked.
 */
public final class RottingRule {

    private final Clock clock;

    public RottingRule(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param rottenAfterDays the threshold of the deal's stage; null (or negative) for a stage that never rots
     * @return since when the deal is rotten, or null when it is not rotten now (also for won and lost deals)
     */
    public Instant rottenSince(DealStatus status, Instant lastTouchedAt, Integer rottenAfterDays) {
        return rottenSince(status, lastTouchedAt, rottenAfterDays, clock.instant());
    }

    /** {@link #rottenSince(DealStatus, Instant, Integer)} judged at the given instant. */
    public Instant rottenSince(DealStatus status, Instant lastTouchedAt, Integer rottenAfterDays, Instant now) {
        if (status != DealStatus.OPEN || lastTouchedAt == null || rottenAfterDays == null || rottenAfterDays < 0) {
            return null;
        }
        Instant rottenSince = lastTouchedAt.plus(Duration.ofDays(rottenAfterDays));
        return now.isAfter(rottenSince) ? rottenSince : null;
    }
}
