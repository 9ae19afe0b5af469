package app.kariz.events.pipeline;

/** A column of the board; {@code order} starts at 0 on the left. */
public record PipelineStage(String stageId, String name, int order) {
}
