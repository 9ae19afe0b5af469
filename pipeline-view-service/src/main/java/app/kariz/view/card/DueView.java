package app.kariz.view.card;

import app.kariz.events.activity.Due;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** When an activity is due, as the API shows it: {@code dueTime} "HH:mm" local wall time, null for all day. */
public record DueView(LocalDate dueDate, String dueTime, String timeZone) {

    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static DueView of(Due due) {
        return new DueView(due.date(), wallTime(due.time()), due.timeZone());
    }

    static String wallTime(LocalTime time) {
        return time == null ? null : WALL_TIME.format(time);
    }
}
