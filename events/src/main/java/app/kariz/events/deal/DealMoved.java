package app.kariz.events.deal;

import java.time.Instant;

/**
 * A deal changed stage, possibly into another pipeline. {@code fromStageEnteredAt} is when it had entered the
 * stage it left, so consumers know the time spent there without keeping history.
 */
public record DealMoved(String organizationId, String dealId, String fromPipelineId, String fromStageId,
                        String toPipelineId, String toStageId, Instant fromStageEnteredAt, Instant movedAt,
                        String movedBy) implements DealEvent {
}
