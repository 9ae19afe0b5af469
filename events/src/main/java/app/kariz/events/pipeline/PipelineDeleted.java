package app.kariz.events.pipeline;

import java.time.Instant;

/** A pipeline without deals was removed, with all its stages. */
public record PipelineDeleted(String organizationId, String pipelineId, Instant deletedAt, String deletedBy)
        implements PipelineEvent {
}
