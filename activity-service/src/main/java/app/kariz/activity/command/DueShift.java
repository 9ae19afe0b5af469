package app.kariz.activity.command;

import app.kariz.events.activity.Due;
import app.kariz.kernel.InvalidInputException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Postponing by a positive ISO-8601 duration such as {@code PT1H}, {@code PT3H}, {@code P1D}, {@code P1W} or
 * {@code P1DT2H30M}, in two parts that move a due differently:
 * <ul>
 *   <li>the date part (years, months, weeks, days) is calendar arithmetic on the wall clock in the activity's own
 *   time zone: {@code P1D} is the same wall time the next day, also across a daylight-saving change (23 or 25
 *   hours later then). Should that wall time not exist on the new day (a spring-forward gap), it moves forward by
 *   the length of the gap, as {@link ZonedDateTime#plus} does;</li>
 *   <li>the time part (hours, minutes) is elapsed time: {@code PT1H} is exactly one hour later, so {@code PT24H}
 *   across a daylight-saving change lands on another wall time than {@code P1D}.</li>
 * </ul>
 * The date part is applied first. An all-day activity moves by whole days only, so a time part is refused for it.
 * Dues are to the minute, so seconds are refused.
 *
 * @param text as given, for messages
 */
public record DueShift(Period days, Duration time, String text) implements Postponement {

    public static final String FIELD = "by";

    /** @throws InvalidInputException naming {@code by} when the text is no positive ISO-8601 duration */
    public static DueShift parse(String text) {
        String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        int timeStart = upper.indexOf('T');
        String datePart = timeStart < 0 ? upper : upper.substring(0, timeStart);
        String timePart = timeStart < 0 ? null : upper.substring(timeStart + 1);
        Period days;
        Duration time;
        try {
            if (!datePart.startsWith("P") || datePart.length() == 1 && timePart == null) {
                throw invalid("is not an ISO-8601 duration like PT1H, P1D or P1W");
            }
            days = datePart.length() == 1 ? Period.ZERO : Period.parse(datePart);
            time = timePart == null ? Duration.ZERO : Duration.parse("PT" + timePart);
        } catch (DateTimeParseException e) {
            throw invalid("is not an ISO-8601 duration like PT1H, P1D or P1W");
        }
        if (days.isNegative() || time.isNegative() || days.isZero() && time.isZero()) {
            throw invalid("must be a positive duration");
        }
        if (time.toSecondsPart() != 0 || time.toNanosPart() != 0) {
            throw invalid("must be whole minutes: a due is to the minute");
        }
        return new DueShift(days, time, text.strip());
    }

    @Override
    public Due from(Due current) {
        try {
            if (current.allDay()) {
                if (!time.isZero()) {
                    throw invalid("an all-day activity moves by whole days, like P1D or P1W; give it a dueTime "
                            + "to move it by hours");
                }
                return new Due(current.date().plus(days), null, current.timeZone());
            }
            ZonedDateTime moved = current.date().atTime(current.time()).atZone(ZoneId.of(current.timeZone()))
                    .plus(days).plus(time);
            return new Due(moved.toLocalDate(), moved.toLocalTime(), current.timeZone());
        } catch (DateTimeException | ArithmeticException e) {
            throw invalid("moves the due out of the calendar's range");
        }
    }

    @Override
    public String field() {
        return FIELD;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }
}
