package app.kariz.activity.command;

import app.kariz.events.activity.Due;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Where postponing moves an activity's due: to a given date and optional time ({@link Until}), or by a span of
 * time ({@link DueShift}). Either way the result must be due later than the activity is now.
 */
public sealed interface Postponement permits Postponement.Until, DueShift {

    /** @return the due this postponement moves {@code current} to */
    Due from(Due current);

    /** The request field a refusal names. */
    String field();

    static Until until(Due due) {
        return new Until(due.date(), due.time(), due.timeZone());
    }

    /**
     * To a date and optional wall time (none: all day).
     *
     * @param timeZone null to keep the activity's own time zone
     */
    record Until(LocalDate date, LocalTime time, String timeZone) implements Postponement {

        @Override
        public Due from(Due current) {
            return new Due(date, time, timeZone != null ? timeZone : current.timeZone());
        }

        @Override
        public String field() {
            return "dueDate";
        }
    }
}
