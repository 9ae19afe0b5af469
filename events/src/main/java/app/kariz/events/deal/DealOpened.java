package app.kariz.events.deal;

import java.time.Instant;
import java.time.LocalDate;

/** A deal was created on a pipeline stage; it is open until won or lost. Optional fields may be null. */
public record DealOpened(String organizationId, String dealId, String pipelineId, String stageId, String title,
                         Money value, String ownerId, String personName, String organizationName,
                         LocalDate expectedCloseDate, Instant openedAt, String openedBy) implements DealEvent {
}
