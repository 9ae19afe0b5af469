package app.kariz.view.card;

import java.time.LocalDate;

/** The activity a deal card points at. {@code dueTime} is the local wall time "HH:mm", null for all day. */
public record NextActivity(String id, String type, String subject, LocalDate dueDate, String dueTime,
                           String timeZone) {

    public static NextActivity of(ScheduledActivity activity) {
        return activity == null ? null : new NextActivity(activity.id(), activity.type(), activity.subject(),
                activity.due().date(), DueView.wallTime(activity.due().time()), activity.due().timeZone());
    }
}
