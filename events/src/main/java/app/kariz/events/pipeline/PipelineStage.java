package app.kariz.events.pipeline;

/**
 * A column of the board; {@code order} starts at 0 on the left. An open deal left untouched in the stage for
 * longer than {@code rottenAfterDays} (null: never) is rotten.
 */
public record PipelineStage(String stageId, String name, int order, Integer rottenAfterDays) {
}
