package app.kariz.view.indicator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The contract's indicator rule, the one place it is written. An open activity's state turns at two instants that
 * {@link app.kariz.events.activity.Due} computes in the activity's own time zone: {@link Turn#TODAY_FROM} (the start
 * of its due date) and {@link Turn#OVERDUE_FROM} (its due instant, or the start of the next day when all day). At an
 * instant {@code now} it is in the first of these states whose conditions all hold:
 * <ul>
 *   <li>{@code OVERDUE}: {@code overdueFrom} reached ({@code overdueFrom <= now});</li>
 *   <li>{@code TODAY}: {@code overdueFrom} not yet reached, {@code todayFrom} reached;</li>
 *   <li>{@code PLANNED}: neither reached.</li>
 * </ul>
 * A deal's indicator is the most urgent state of its open activities, which is the state judged on the earliest of
 * each instant over them; {@code NO_ACTIVITY} without one. The conditions are data ({@link #conditionsOf}), so the
 * Java judgement here, the database filters ({@link IndicatorQuery}) and the in-memory tallies all read the same
 * rule; a test checks them against each other at day boundaries.
 * <p>
 * It is judged at read time: whether an activity is "today" or "overdue" changes with the clock, not with events.
 */
public final class IndicatorRule {

    /** The two instants an activity's state turns at. */
    public enum Turn {
        TODAY_FROM, OVERDUE_FROM
    }

    /** {@code turn} has been reached at the instant judged ({@code turn <= now}), or not yet ({@code turn > now}). */
    public record Condition(Turn turn, boolean reached) {

        /** @param todayVsNow and {@code overdueVsNow}: the sign of comparing each instant with the one judged at */
        boolean holds(int todayVsNow, int overdueVsNow) {
            return ((turn == Turn.TODAY_FROM ? todayVsNow : overdueVsNow) <= 0) == reached;
        }
    }

    /** Open and not overdue: today or planned, as the agenda's day lists it. */
    public static final Condition NOT_OVERDUE = new Condition(Turn.OVERDUE_FROM, false);

    /** The states of an open activity, most urgent first. */
    private static final List<Indicator> ACTIVITY_STATES = List.of(Indicator.OVERDUE, Indicator.TODAY,
            Indicator.PLANNED);

    private static final Map<Indicator, List<Condition>> CONDITIONS = Map.of(
            Indicator.OVERDUE, List.of(new Condition(Turn.OVERDUE_FROM, true)),
            Indicator.TODAY, List.of(NOT_OVERDUE, new Condition(Turn.TODAY_FROM, true)),
            Indicator.PLANNED, List.of(NOT_OVERDUE, new Condition(Turn.TODAY_FROM, false)));

    private final Clock clock;

    public IndicatorRule(Clock clock) {
        this.clock = clock;
    }

    /**
     * The conditions of a state, all of which hold exactly when an open activity (or deal) is in it. Every activity
     * starts its day no later than it turns overdue ({@code todayFrom <= overdueFrom}), so for {@code PLANNED} the
     * condition on {@code todayFrom} alone would do; the one on {@code overdueFrom} is what the board's indexes scan.
     *
     * @throws IllegalArgumentException for {@code NO_ACTIVITY}, which is the absence of open activities
     */
    public static List<Condition> conditionsOf(Indicator state) {
        List<Condition> conditions = CONDITIONS.get(state);
        if (conditions == null) {
            throw new IllegalArgumentException(state + " is no state of an activity");
        }
        return conditions;
    }

    /**
     * The instant indicators are judged at. A read that both queries by indicator and shows indicators takes it
     * once and passes it on, so a card can never be found in one bucket and shown in another.
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @param open        false for a won or lost deal, which shows no indicator (null)
     * @param todayAt     the earliest {@code todayFrom} of its open activities, null without one
     * @param overdueAt   the earliest {@code overdueFrom} of its open activities, null without one
     */
    public Indicator ofDeal(boolean open, Instant todayAt, Instant overdueAt, Instant now) {
        if (!open) {
            return null;
        }
        if (todayAt == null || overdueAt == null) {
            return Indicator.NO_ACTIVITY;
        }
        return ofActivity(todayAt, overdueAt, now);
    }

    /** The state of one open activity due today from {@code todayFrom} and overdue from {@code overdueFrom}. */
    public Indicator ofActivity(Instant todayFrom, Instant overdueFrom) {
        return ofActivity(todayFrom, overdueFrom, now());
    }

    /** {@link #ofActivity(Instant, Instant)} at the given instant. */
    public Indicator ofActivity(Instant todayFrom, Instant overdueFrom, Instant now) {
        return stateOf(todayFrom.compareTo(now), overdueFrom.compareTo(now));
    }

    /**
     * The rule on instants in epoch milliseconds, for tallies over many cards. The stored instants are whole
     * milliseconds, so comparing them with the millisecond floor of an instant decides as the instant itself would.
     */
    public static Indicator stateAt(long todayFrom, long overdueFrom, long now) {
        return stateOf(Long.compare(todayFrom, now), Long.compare(overdueFrom, now));
    }

    private static Indicator stateOf(int todayVsNow, int overdueVsNow) {
        for (Indicator state : ACTIVITY_STATES) {
            List<Condition> conditions = CONDITIONS.get(state);
            boolean holds = true;
            for (int i = 0; i < conditions.size() && holds; i++) {
                holds = conditions.get(i).holds(todayVsNow, overdueVsNow);
            }
            if (holds) {
                return state;
            }
        }
        // Only an activity that would be overdue before its day starts, which Due never computes.
        throw new IllegalStateException("No state has its day started after it is overdue");
    }
}
