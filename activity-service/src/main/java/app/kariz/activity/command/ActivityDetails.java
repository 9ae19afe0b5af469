package app.kariz.activity.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** An activity as the write side knows it right after a command. */
public record ActivityDetails(String id, String dealId, String type, String subject, LocalDate dueDate,
                              LocalTime dueTime, String timeZone, Integer durationMinutes, String assigneeId,
                              String note, String location, ActivityStatus status, String result,
                              Instant completedAt, int postponeCount, long version) {
}
