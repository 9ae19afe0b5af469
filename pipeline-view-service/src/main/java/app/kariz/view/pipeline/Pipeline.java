package app.kariz.view.pipeline;

import java.util.List;

/** A pipeline and its current stages, left to right. */
public record Pipeline(String id, String name, List<Stage> stages) {

    /**
     * @param order           the column's position, 0 on the left
     * @param rottenAfterDays how long an open deal may stay untouched on this stage before it is rotten; null:
     *                        never
     */
    public record Stage(String id, String name, int order, Integer rottenAfterDays) {
    }
}
