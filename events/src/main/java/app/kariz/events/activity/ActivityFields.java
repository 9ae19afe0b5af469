package app.kariz.events.activity;

/** The fields of an activity other than its due. Optional ones may be null. */
public record ActivityFields(String type, String subject, Integer durationMinutes, String assigneeId, String note,
                             String location) {
}
