package app.kariz.local.crash;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clients were promised: every write the API answered 201, by round. A write that got no answer (the
 * connection broke at the kill) or any other answer promised nothing; it is only counted, and a deal whose
 * activity write went that way has no known indicator.
 */
final class AcknowledgedWrites {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    record Deal(String id, int round) {
    }

    /** An activity scheduled on its deal in Asia/Tehran; {@code dueTime} null for an all-day one. */
    record Activity(String id, String dealId, int round, LocalDate dueDate, LocalTime dueTime) {

        /** Its state at {@code now}, by the API's indicator rules. */
        String indicatorAt(Instant now) {
            Instant overdueFrom = dueTime == null ? dueDate.plusDays(1).atStartOfDay(TEHRAN).toInstant()
                    : ZonedDateTime.of(dueDate, dueTime, TEHRAN).toInstant();
            if (!now.isBefore(overdueFrom)) {
                return "OVERDUE";
            }
            return dueDate.equals(now.atZone(TEHRAN).toLocalDate()) ? "TODAY" : "PLANNED";
        }

        /** The due as the API writes it: the date, and the time as "HH:mm" or null. */
        String wallTime() {
            return dueTime == null ? null : dueTime.toString();
        }
    }

    /** What the load of one round got as answers. */
    static final class Tally {
        final AtomicInteger deals = new AtomicInteger();
        final AtomicInteger activities = new AtomicInteger();
        final AtomicInteger unansweredDeals = new AtomicInteger();
        final AtomicInteger unansweredActivities = new AtomicInteger();
        /** Writes that got no answer while the stack should still have been up. */
        final AtomicInteger unansweredBeforeTheKill = new AtomicInteger();
        /** Answers other than 201, by status: before the kill these would be bugs of their own. */
        final Map<Integer, AtomicInteger> otherAnswers = new ConcurrentSkipListMap<>();

        void otherAnswer(int status) {
            otherAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }

        String describeOtherAnswers() {
            return otherAnswers.toString();
        }
    }

    private final Map<String, Deal> deals = new ConcurrentHashMap<>();
    private final Map<String, Activity> activityOfDeal = new ConcurrentHashMap<>();
    private final Set<String> unknownActivityOfDeal = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Tally> tallies = new ConcurrentHashMap<>();

    Tally tally(int round) {
        return tallies.computeIfAbsent(round, r -> new Tally());
    }

    void dealAcknowledged(String dealId, int round) {
        deals.put(dealId, new Deal(dealId, round));
        tally(round).deals.incrementAndGet();
    }

    void activityAcknowledged(Activity activity) {
        activityOfDeal.put(activity.dealId(), activity);
        tally(activity.round()).activities.incrementAndGet();
    }

    /** An activity was asked for on the deal, and whether it exists is not known. */
    void activityUnknown(String dealId) {
        unknownActivityOfDeal.add(dealId);
    }

    List<Deal> deals() {
        return List.copyOf(deals.values());
    }

    List<Activity> activities() {
        return List.copyOf(activityOfDeal.values());
    }

    Optional<Deal> deal(String id) {
        return Optional.ofNullable(deals.get(id));
    }

    /** The activity acknowledged on the deal; empty when none was asked for or its outcome is unknown. */
    Optional<Activity> activityOf(String dealId) {
        return Optional.ofNullable(activityOfDeal.get(dealId));
    }

    /** Whether the deal's card has a known indicator: no activity was asked for, or one was acknowledged. */
    boolean indicatorKnown(String dealId) {
        return !unknownActivityOfDeal.contains(dealId);
    }

    /** The round a deal or activity id was acknowledged in, 0 if it was not. */
    int roundOf(String id) {
        Deal deal = deals.get(id);
        if (deal != null) {
            return deal.round();
        }
        return activityOfDeal.values().stream().filter(activity -> activity.id().equals(id)).findFirst()
                .map(Activity::round).orElse(0);
    }
}
