package app.kariz.events.deal;

import java.time.Instant;

/** An open deal changed stage. Pipeline ids are both given so a later move across pipelines needs no v2. */
public record DealMoved(String organizationId, String dealId, String fromPipelineId, String fromStageId,
                        String toPipelineId, String toStageId, Instant movedAt, String movedBy)
        implements DealEvent {
}
