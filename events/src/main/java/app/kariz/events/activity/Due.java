package app.kariz.events.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When an activity is due: a local date, an optional local wall time (none = all day) and the IANA time zone
 * both are read in. The instants below are the contract's indicator rules, shared so that every consumer
 * judges "today" and "overdue" the same way.
 */
public record Due(LocalDate date, LocalTime time, String timeZone) {

    public boolean allDay() {
        return time == null;
    }

    /** From this instant the activity is due today: the start of its date in its own time zone. */
    public Instant todayFrom() {
        return date.atStartOfDay(zone()).toInstant();
    }

    /**
     * From this instant the activity is overdue: its due instant when timed, the start of the next day when
     * all day. It is also the instant the activity counts as due at for ordering.
     */
    public Instant overdueFrom() {
        if (allDay()) {
            return date.plusDays(1).atStartOfDay(zone()).toInstant();
        }
        return date.atTime(time).atZone(zone()).toInstant();
    }

    private ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
