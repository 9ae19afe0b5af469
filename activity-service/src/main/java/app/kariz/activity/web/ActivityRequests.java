package app.kariz.activity.web;

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
                                   @Size(max = 10_000) String note) {
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
                               @Size(max = 10_000) String note) {
    }

    record PostponeActivityRequest(@NotNull LocalDate dueDate, LocalTime dueTime, String timeZone,
                                   @Size(max = 500) String reason) {
    }
}
