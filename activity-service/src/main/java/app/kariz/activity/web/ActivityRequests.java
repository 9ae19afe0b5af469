package app.kariz.activity.web;

import app.kariz.kernel.Change;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

/** Request bodies of the activity endpoints; syntax is checked here, business rules in the aggregate. */
final class ActivityRequests {

    private ActivityRequests() {
    }

    record ScheduleActivityRequest(@NotBlank String dealId,
                                   @NotBlank String type,
                                   @NotBlank @Size(max = 255) String subject,
                                   @NotNull LocalDate dueDate,
                                   LocalTime dueTime,
                                   String timeZone,
                                   @Min(1) @Max(1440) Integer durationMinutes,
                                   @Size(max = 255) String assigneeId,
                                   @Size(max = 10_000) String note,
                                   @Size(max = 255) String location) {
    }

    record CompleteActivityRequest(@Size(min = 1, max = 2_000) String result, @Valid NextActivityRequest next) {
    }

    record NextActivityRequest(@NotBlank String type,
                               @NotBlank @Size(max = 255) String subject,
                               @NotNull LocalDate dueDate,
                               LocalTime dueTime,
                               String timeZone,
                               @Min(1) @Max(1440) Integer durationMinutes,
                               @Size(max = 255) String assigneeId,
                               @Size(max = 10_000) String note,
                               @Size(max = 255) String location) {
    }

    /**
     * Either a new due ({@code dueDate}, optional {@code dueTime} and {@code timeZone}, which defaults to the
     * activity's own) or {@code by}, an ISO-8601 duration such as {@code PT1H} or {@code P1D}; exactly one of
     * {@code dueDate} and {@code by}.
     */
    record PostponeActivityRequest(LocalDate dueDate, LocalTime dueTime, String timeZone, String by,
                                   @Size(max = 500) String reason) {
    }

    /**
     * A partial edit: an absent field is kept, an explicit {@code null} clears an optional one ({@code dueTime: null}
     * makes the activity all-day) or, for {@code timeZone} and {@code assigneeId}, sets the default scheduling
     * uses. {@code type}, {@code subject} and {@code dueDate} cannot be null. Lengths and ranges are checked by the
     * aggregate, which names the same fields.
     */
    record UpdateActivityRequest(Change<String> type,
                                 Change<String> subject,
                                 Change<LocalDate> dueDate,
                                 Change<LocalTime> dueTime,
                                 Change<String> timeZone,
                                 Change<Integer> durationMinutes,
                                 Change<String> assigneeId,
                                 Change<String> note,
                                 Change<String> location) {
    }

    /** Reopen takes no fields; an empty record still rejects unknown ones. */
    record NoFields() {
    }
}
